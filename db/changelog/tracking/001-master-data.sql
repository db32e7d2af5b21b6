--liquibase formatted sql

--changeset linetrace:tracking-master-data-1
create table ${schema}.line (
    id   text primary key,
    name text not null
);

-- A station performs the operations of one kind; its id is printed as a barcode on the station.
create table ${schema}.station (
    id         text primary key,
    line_id    text not null references ${schema}.line (id),
    kind       text not null,
    flow_order int  not null,
    name       text not null
);

create table ${schema}.product_model (
    id   text primary key,
    name text not null
);

-- Routes are versioned: a unit keeps the version it started on; a new version applies to new units only.
create table ${schema}.route (
    id           bigint generated always as identity primary key,
    model_id     text not null references ${schema}.product_model (id),
    version      int  not null,
    max_failures int  not null default 3,
    created_at   timestamptz not null default now(),
    unique (model_id, version)
);

create table ${schema}.route_operation (
    route_id     bigint not null references ${schema}.route (id),
    seq          int    not null,
    name         text   not null,
    station_kind text   not null,
    instruction  text   not null default '',
    primary key (route_id, seq)
);
