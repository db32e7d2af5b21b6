--liquibase formatted sql

--changeset linetrace:provisioning-firmware-release-1
-- Firmware releases: the hash and the signed manifest are the record (the image itself is not kept).
create table ${schema}.firmware_release (
    id                uuid        primary key,
    model             text        not null,
    module            text        not null,
    version           text        not null,
    sha256            text        not null,
    size_bytes        bigint      not null check (size_bytes > 0),
    signature         text        not null,
    signing_key_id    text        not null,
    state             text        not null check (state in ('DRAFT', 'APPROVED', 'REVOKED')),
    registered_by     text        not null,
    registered_at     timestamptz not null,
    approved_by       text,
    approved_at       timestamptz,
    approval_reason   text,
    revoked_by        text,
    revoked_at        timestamptz,
    revocation_reason text,
    affected_serials  integer,
    unique (model, module, version),
    unique (model, module, sha256)
);

--changeset linetrace:provisioning-flash-record-1
-- Every flash a fixture reported, with provisioning's verdict; verified ones are the recall scope of a release.
create table ${schema}.flash_record (
    id               bigint      generated always as identity primary key,
    event_id         uuid        not null unique,
    serial           text        not null,
    model            text        not null,
    module           text        not null,
    version          text        not null,
    sha256_written   text        not null,
    sha256_read_back text        not null,
    fixture_id       text        not null,
    release_id       uuid        references ${schema}.firmware_release (id),
    verdict          text        not null check (verdict in ('VERIFIED', 'REJECTED')),
    rejection_code   text,
    reason           text,
    plant            text        not null,
    line             text        not null,
    station          text,
    actor            text        not null,
    reported_at      timestamptz not null,
    recorded_at      timestamptz not null default now()
);
create index flash_record_verified_release on ${schema}.flash_record (release_id) where verdict = 'VERIFIED';
create index flash_record_serial on ${schema}.flash_record (serial);
