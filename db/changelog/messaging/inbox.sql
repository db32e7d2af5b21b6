--liquibase formatted sql

--changeset linetrace:messaging-inbox-1
-- Event ids a consumer has applied, recorded in the same transaction as the change they caused.
create table ${schema}.inbox (
    consumer    text        not null,
    event_id    uuid        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
