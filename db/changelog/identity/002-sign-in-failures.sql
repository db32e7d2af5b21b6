--liquibase formatted sql

--changeset linetrace:identity-sign-in-failures-1
-- Failed sign-ins per name and per client address, shared by every identity instance: a name or an address locked
-- here is refused by all of them, before any password hash is checked. Never the password tried.
create table ${schema}.sign_in_failure (
    kind           text        not null check (kind in ('user', 'address')),
    subject        text        not null,
    failures       int         not null,
    window_started timestamptz not null,
    locked_until   timestamptz,
    primary key (kind, subject)
);
