--liquibase formatted sql

--changeset linetrace:provisioning-key-injection-1
-- Every key injection a station reported, with the verdict. Only public material, re-encoded from what was
-- parsed (never the raw report): public key, certificate, fingerprint.
create table ${schema}.key_injection (
    id                bigint      generated always as identity primary key,
    event_id          uuid        not null unique,
    serial            text        not null,
    secure_element_id text        not null,
    key_purpose       text        not null,
    station_id        text        not null,
    public_key_pem    text,
    fingerprint       text,
    certificate_pem   text,
    subject           text,
    issuer            text,
    not_after         timestamptz,
    verdict           text        not null check (verdict in ('VERIFIED', 'REJECTED')),
    rejection_code    text,
    reason            text,
    plant             text        not null,
    line              text        not null,
    actor             text        not null,
    reported_at       timestamptz not null,
    recorded_at       timestamptz not null default now()
);
create index key_injection_serial on ${schema}.key_injection (serial);
create index key_injection_fingerprint on ${schema}.key_injection (fingerprint);

-- The first unit each public key was seen on: a second unit with the same key is a duplicate.
create table ${schema}.device_key (
    fingerprint   text        primary key,
    serial        text        not null,
    first_seen_at timestamptz not null default now()
);
