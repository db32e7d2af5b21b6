--liquibase formatted sql

--changeset linetrace:trace-unit-events-1
-- Every unit event as received, with a summary in words; the read model behind a unit's history.
create table ${schema}.unit_event (
    event_id    uuid primary key,
    serial      text        not null,
    type        text        not null,
    occurred_at timestamptz not null,
    plant       text        not null,
    line        text        not null,
    station     text,
    actor       text        not null,
    summary     text        not null,
    payload     jsonb       not null,
    recorded_at timestamptz not null default now()
);
create index unit_event_serial on ${schema}.unit_event (serial, occurred_at, event_id);
create index unit_event_line on ${schema}.unit_event (line, occurred_at desc);
