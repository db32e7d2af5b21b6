--liquibase formatted sql

--changeset linetrace:tracking-bill-of-materials-1
-- The parts an operation installs: by lot only, or each with its own serial.
create table ${schema}.route_part (
    route_id    bigint  not null,
    seq         int     not null,
    part_number text    not null,
    description text    not null,
    quantity    int     not null check (quantity > 0),
    serialized  boolean not null,
    primary key (route_id, seq, part_number),
    foreign key (route_id, seq) references ${schema}.route_operation (route_id, seq)
);

-- What pack-out requires to be verified by provisioning: firmware of these modules, and a key injection.
alter table ${schema}.route add column firmware_modules text[] not null default '{}';
alter table ${schema}.route add column requires_key boolean not null default false;

--changeset linetrace:tracking-genealogy-1
create table ${schema}.installed_part (
    id           bigint generated always as identity primary key,
    serial       text not null references ${schema}.unit (serial),
    seq          int  not null,
    part_number  text not null,
    lot          text,
    part_serial  text,
    station_id   text not null references ${schema}.station (id),
    installed_at timestamptz not null,
    installed_by text not null
);
create index installed_part_unit on ${schema}.installed_part (serial, seq);
create index installed_part_lot on ${schema}.installed_part (part_number, lot);
-- A part with its own serial is in one unit only.
create unique index installed_part_serial on ${schema}.installed_part (part_number, part_serial) where part_serial is not null;

create table ${schema}.lot_quarantine (
    part_number    text not null,
    lot            text not null,
    reason         text not null,
    quarantined_by text not null,
    quarantined_at timestamptz not null,
    primary key (part_number, lot)
);

--changeset linetrace:tracking-provisioning-status-1
-- What provisioning verified for a unit, as its events said (item: FIRMWARE:<module> or KEY).
create table ${schema}.unit_provisioning (
    serial      text not null,
    item        text not null,
    verified    boolean not null,
    detail      text not null,
    occurred_at timestamptz not null,
    primary key (serial, item)
);

--changeset linetrace:tracking-unit-scrap-1
alter table ${schema}.unit add column scrapped_reason text;

--changeset linetrace:tracking-scan-by-unit-1
create index scan_station_serial_time on ${schema}.scan (station_id, serial, scanned_at desc);

--changeset linetrace:tracking-station-roles-1
-- Roles allowed to work at a station; empty: every role that may scan.
alter table ${schema}.station add column allowed_roles text[] not null default '{}';
