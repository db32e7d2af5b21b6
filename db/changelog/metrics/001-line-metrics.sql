--liquibase formatted sql

--changeset linetrace:metrics-line-1
-- Where each unit stands, as its events tell: ISSUED, WORKING at a station, WAITING for a kind of station, DONE or
-- SCRAPPED; what WIP is counted from.
create table ${schema}.unit_position (
    serial     text primary key,
    line       text        not null,
    state      text        not null,
    station    text,
    operation  integer,
    rework     boolean     not null default false,
    arrived_at timestamptz,
    next_kind  text,
    held       boolean     not null default false
);
create index unit_position_line on ${schema}.unit_position (line, state);

-- Each operation finished at a station: its result and defects, whether it was the unit's first attempt at the
-- operation (yield) or a repair, and its check-in (cycle time).
create table ${schema}.work_result (
    event_id       uuid primary key,
    line           text        not null,
    station        text        not null,
    serial         text        not null,
    operation      integer     not null,
    operation_name text        not null,
    result         text        not null,
    repair         boolean     not null,
    first_attempt  boolean     not null,
    arrived_at     timestamptz,
    completed_at   timestamptz not null,
    defects        text[]      not null
);
create index work_result_line on ${schema}.work_result (line, completed_at);
create index work_result_unit on ${schema}.work_result (serial, operation);

-- Units that passed the last operation of their route.
create table ${schema}.unit_completed (
    serial       text primary key,
    line         text        not null,
    station      text,
    work_order   text        not null,
    completed_at timestamptz not null
);
create index unit_completed_line on ${schema}.unit_completed (line, completed_at);

-- The stations as their events show them: kind, place in the flow (the lowest operation checked in there) and
-- their latest event.
create table ${schema}.station (
    line            text        not null,
    station         text        not null,
    kind            text,
    first_operation integer,
    repair          boolean     not null default false,
    last_event_at   timestamptz not null,
    primary key (line, station)
);

-- Work orders released for each line: the plan.
create table ${schema}.work_order (
    number      text primary key,
    line        text        not null,
    model       text        not null,
    quantity    integer     not null,
    due_date    date,
    released_at timestamptz not null
);
create index work_order_line on ${schema}.work_order (line, released_at);

-- Each line's latest unit event: how current the line's numbers are.
create table ${schema}.line (
    line          text primary key,
    last_event_at timestamptz not null
);
