--liquibase formatted sql

--changeset linetrace:metrics-wallboard-1
-- Wallboards: a TV on the floor shows one line, opened with a token an admin issued. Only the token's SHA-256 is
-- kept; a revoked wallboard's token is refused from then on.
create table ${schema}.wallboard (
    id         uuid primary key,
    line       text        not null,
    name       text        not null,
    token_hash text        not null unique,
    issued_by  text        not null,
    issued_at  timestamptz not null,
    revoked_by text,
    revoked_at timestamptz
);
