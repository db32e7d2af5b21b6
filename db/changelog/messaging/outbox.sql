--liquibase formatted sql

--changeset linetrace:messaging-outbox-1
-- Events waiting to leave through Kafka, written in the transaction of the change they record.
create table ${schema}.outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    payload      bytea       not null,
    occurred_at  timestamptz not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on ${schema}.outbox (id) where published_at is null;
