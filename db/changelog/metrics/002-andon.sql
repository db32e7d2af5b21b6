--liquibase formatted sql

--changeset linetrace:metrics-andon-1
-- Andon alerts of each line: raised by a rule, acknowledged by a supervisor, cleared when the cause is gone. One open
-- alert per line, rule and subject, whichever instance of metrics raises it.
create table ${schema}.andon_alert (
    id              uuid primary key,
    line            text        not null,
    station         text,
    rule            text        not null,
    subject         text        not null,
    message         text        not null,
    raised_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    comment         text,
    cleared_at      timestamptz,
    cleared_reason  text
);
create unique index andon_alert_open on ${schema}.andon_alert (line, rule, subject) where cleared_at is null;
create index andon_alert_line on ${schema}.andon_alert (line, raised_at);

-- Lots quarantined, as tracking tells each line: open until lifted.
create table ${schema}.lot_quarantine (
    line           text        not null,
    part_number    text        not null,
    lot            text        not null,
    reason         text        not null,
    quarantined_at timestamptz not null,
    lifted_at      timestamptz,
    primary key (line, part_number, lot)
);

-- Units carrying a revoked firmware release: the revocation is dealt with once each is released or scrapped.
create table ${schema}.firmware_revocation (
    release_id uuid        not null,
    serial     text        not null,
    line       text        not null,
    release    text        not null,
    reason     text        not null,
    revoked_at timestamptz not null,
    settled_at timestamptz,
    primary key (release_id, serial)
);
create index firmware_revocation_serial on ${schema}.firmware_revocation (serial) where settled_at is null;

-- Records of the dead-letter topics, settled when deadletter says a person replayed or discarded them.
create table ${schema}.dead_letter (
    topic      text        not null,
    partition  integer     not null,
    "offset"   bigint      not null,
    seen_at    timestamptz,
    settled_at timestamptz,
    primary key (topic, partition, "offset")
);
