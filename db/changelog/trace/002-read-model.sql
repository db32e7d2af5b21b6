--liquibase formatted sql

--changeset linetrace:trace-read-model-1
-- Each unit as it stands now: one row per serial, written by both listeners (a provisioning verdict may be read
-- before the unit's first unit event: then the unit-topic columns wait, null, for it). The status is derived from the
-- flags so that no event order can leave it contradicting them. Its index serves a search by status alone in serial
-- order; updates that leave status and work order alone (most of them) stay heap-only, hence the fill factor.
create table ${schema}.unit (
    serial         text        primary key,
    model          text,
    work_order     text,
    route_version  integer,
    line           text,
    started        boolean     not null default false,
    held           boolean     not null default false,
    completed      boolean     not null default false,
    scrapped       boolean     not null default false,
    status         text        generated always as (
                       case when scrapped then 'SCRAPPED'
                            when held then 'HELD'
                            when completed then 'COMPLETED'
                            when started then 'IN_WORK'
                            else 'ISSUED' end) stored,
    last_station   text,
    next_operation integer,
    first_seen_at  timestamptz not null,
    last_event_at  timestamptz not null
) with (fillfactor = 85);
create index unit_work_order on ${schema}.unit (work_order, serial);
create index unit_status on ${schema}.unit (status, serial);

--changeset linetrace:trace-read-model-2
-- Every part installed in a unit (genealogy down by the primary key; UUIDv7 event ids sort by time). Where-used of a
-- lot walks the lot index in serial order (keyset), of a part serial the part-serial index; both partial, since a
-- part has a lot or a serial and rarely both.
create table ${schema}.installed_part (
    serial               text        not null,
    event_id             uuid        not null,
    operation            integer     not null,
    part_number          text        not null,
    lot                  text,
    part_serial          text,
    quantity             integer     not null,
    reference_designator text,
    station              text,
    actor                text        not null,
    installed_at         timestamptz not null,
    primary key (serial, event_id)
);
create index installed_part_lot on ${schema}.installed_part (lot, part_number, serial) where lot is not null;
create index installed_part_part_serial on ${schema}.installed_part (part_serial, serial) where part_serial is not null;

--changeset linetrace:trace-read-model-3
-- Every visit of a unit to a station: check-in (whose event id keys it), result and defects, check-out. A search at
-- a station walks the station index in time order within its bounded window.
create table ${schema}.operation_visit (
    serial         text        not null,
    event_id       uuid        not null,
    operation      integer     not null,
    operation_name text        not null,
    station_kind   text,
    station        text,
    operator       text        not null,
    rework         boolean     not null,
    arrived_at     timestamptz not null,
    completed_at   timestamptz,
    result         text,
    defects        text[]      not null default '{}',
    departed_at    timestamptz,
    primary key (serial, event_id)
);
create index operation_visit_station on ${schema}.operation_visit (station, arrived_at, serial);

--changeset linetrace:trace-read-model-4
-- One row per defect code of a failed operation (failures are few, so the write is rare): a search by defect code
-- walks it in serial order.
create table ${schema}.unit_defect (
    defect      text        not null,
    serial      text        not null,
    event_id    uuid        not null,
    operation   integer     not null,
    station     text,
    occurred_at timestamptz not null,
    primary key (defect, serial, event_id)
);

--changeset linetrace:trace-read-model-5
-- Holds, releases and scraps of a unit, with who and why.
create table ${schema}.unit_hold (
    serial   text        not null,
    event_id uuid        not null,
    kind     text        not null,
    reason   text        not null,
    actor    text        not null,
    station  text,
    at       timestamptz not null,
    primary key (serial, event_id)
);

--changeset linetrace:trace-read-model-6
-- The firmware each module of a unit carries now: its latest verified flash (a bill-of-materials line traced by its
-- hash). Where-used of a release, an image or a version walks one of the three indexes in serial order.
create table ${schema}.module_firmware (
    serial         text        not null,
    module         text        not null,
    release_id     uuid        not null,
    model          text        not null,
    version        text        not null,
    sha256         text        not null,
    fixture_id     text        not null,
    station        text,
    verified_at    timestamptz not null,
    event_id       uuid        not null,
    revoked_reason text,
    primary key (serial, module)
);
create index module_firmware_release on ${schema}.module_firmware (release_id, serial);
create index module_firmware_sha256 on ${schema}.module_firmware (sha256, serial);
create index module_firmware_version on ${schema}.module_firmware (version, serial, module);

--changeset linetrace:trace-read-model-7
-- Device keys a unit reported (public material only): verified, or rejected (a duplicate key rejects a unit verified
-- earlier). Where-used of a key by its fingerprint.
create table ${schema}.device_key (
    serial            text        not null,
    fingerprint       text        not null,
    subject           text,
    issuer            text,
    secure_element_id text,
    key_purpose       text,
    certificate_pem   text,
    station           text,
    reported_at       timestamptz not null,
    verified          boolean     not null,
    rejection_code    text,
    rejection_reason  text,
    primary key (serial, fingerprint)
);
create index device_key_fingerprint on ${schema}.device_key (fingerprint, serial);

--changeset linetrace:trace-read-model-8
-- Every verdict provisioning published about a unit, as it came.
create table ${schema}.provisioning_record (
    serial      text        not null,
    event_id    uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null,
    station     text,
    actor       text        not null,
    module      text,
    release_id  uuid,
    version     text,
    sha256      text,
    fingerprint text,
    code        text,
    reason      text,
    primary key (serial, event_id)
);
