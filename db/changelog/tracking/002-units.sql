--liquibase formatted sql

--changeset linetrace:tracking-units-1
-- Serials are unique across the plant forever: one sequence, never reset.
create sequence ${schema}.serial_sequence start with 1;

create table ${schema}.work_order (
    number     text primary key,
    model_id   text not null references ${schema}.product_model (id),
    line_id    text not null references ${schema}.line (id),
    route_id   bigint not null references ${schema}.route (id),
    quantity   int  not null check (quantity > 0),
    due_date   date,
    created_at timestamptz not null default now(),
    created_by text not null
);

-- status: ISSUED (serial printed, not started), IN_PROGRESS, COMPLETED, SCRAPPED. A hold is orthogonal.
-- next_seq is the next required operation (null when the route is done); rework means it must first go to REPAIR.
create table ${schema}.unit (
    serial             text primary key,
    work_order         text not null references ${schema}.work_order (number),
    route_id           bigint not null references ${schema}.route (id),
    line_id            text not null references ${schema}.line (id),
    status             text not null,
    next_seq           int,
    rework             boolean not null default false,
    failures           int not null default 0,
    hold_reason        text,
    checked_in_station text references ${schema}.station (id),
    checked_in_seq     int,
    completed_at       timestamptz,
    updated_at         timestamptz not null default now()
);
create index unit_line_status on ${schema}.unit (line_id, status);
create index unit_checked_in on ${schema}.unit (checked_in_station) where checked_in_station is not null;

-- One row per visit of a unit to a station for one operation.
create table ${schema}.operation_run (
    id             bigint generated always as identity primary key,
    serial         text not null references ${schema}.unit (serial),
    seq            int  not null,
    station_id     text not null references ${schema}.station (id),
    rework         boolean not null,
    checked_in_at  timestamptz not null,
    checked_in_by  text not null,
    checked_out_at timestamptz,
    checked_out_by text,
    result         text,
    defects        text[] not null default '{}'
);
create index operation_run_serial on ${schema}.operation_run (serial, id);

-- Every scan and its verdict, accepted or refused; the client's scan id makes a retried request idempotent.
create table ${schema}.scan (
    scan_id        uuid primary key,
    station_id     text not null references ${schema}.station (id),
    action         text not null,
    barcode        text not null,
    serial         text,
    verdict        text not null,
    refusal        text,
    message        text not null,
    operation_seq  int,
    operation_name text,
    scanned_at     timestamptz not null,
    actor          text not null
);
create index scan_station_time on ${schema}.scan (station_id, scanned_at desc);

--changeset linetrace:tracking-work-order-sequence-1
create sequence ${schema}.work_order_sequence start with 1;
