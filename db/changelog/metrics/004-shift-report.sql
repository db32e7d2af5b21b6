--liquibase formatted sql

--changeset linetrace:metrics-shift-report-1
-- Every hold of a unit, from its UnitHeld to the UnitReleased or UnitScrapped that ended it: what a shift report lists.
create table ${schema}.unit_hold (
    event_id   uuid primary key,
    serial     text        not null,
    line       text        not null,
    station    text,
    held_at    timestamptz not null,
    held_by    text        not null,
    reason     text        not null,
    ended      text,
    ended_at   timestamptz,
    ended_by   text,
    end_reason text
);
create index unit_hold_line on ${schema}.unit_hold (line, held_at);
create index unit_hold_open on ${schema}.unit_hold (serial) where ended_at is null;

-- When a stalled station went quiet (its last event before the alert): where a stoppage in a shift report starts.
alter table ${schema}.andon_alert add column quiet_since timestamptz;
