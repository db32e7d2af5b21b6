--liquibase formatted sql

--changeset linetrace:provisioning-unit-location-1
-- Where each unit is, as tracking's unit events told: its model and line (UnitsInitialized) and the station it is
-- checked in at now, with that station's line and kind (UnitsArrived, cleared when it departs). A flash is accepted only for a unit at a flash station.
create table ${schema}.unit_location (
    serial       text        primary key,
    model        text,
    line         text,
    station      text,
    station_line text,
    station_kind text,
    updated_at   timestamptz not null default now()
);
