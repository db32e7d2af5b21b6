--liquibase formatted sql

--changeset linetrace:deadletter-1
-- A copy of every record of every dead-letter topic, so that a person can see it and decide on it: a topic is a
-- log, so whether a dead letter was replayed or discarded (who, when, why) is remembered here.
create table ${schema}.dead_letter (
    id                bigint generated always as identity primary key,
    dead_letter_topic text        not null,
    partition_no      int         not null,
    dead_letter_offset bigint     not null,
    source_topic      text        not null,
    source_offset     bigint,
    -- the consumer group that failed: each group that fails on a record dead-letters its own copy
    consumer_group    text,
    message_key       text,
    -- the original record's own headers (not the error handler's), base64, for a faithful replay
    headers           jsonb       not null,
    message_value     bytea,
    reason            text        not null,
    -- false for a redacted dead letter: its original was not kept (it held private key material)
    replayable        boolean     not null,
    failed_at         timestamptz not null,
    recorded_at       timestamptz not null default now(),
    state             text        not null default 'NEW' check (state in ('NEW', 'REPLAYED', 'DISCARDED')),
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    unique (dead_letter_topic, partition_no, dead_letter_offset)
);
create index dead_letter_newest on ${schema}.dead_letter (failed_at desc, id desc);
create index dead_letter_of_topic on ${schema}.dead_letter (source_topic, failed_at desc, id desc);
