--liquibase formatted sql

--changeset linetrace:identity-plant-users-1
-- credential_version changes with every change that must end what a user's credentials opened (a new password, a
-- disabled account, other roles): every instance compares it with the version it cached, per request.
alter table ${schema}.users add column credential_version bigint not null default 0;
-- true for the demo plant's users: a start outside the demo refuses a data directory holding them.
alter table ${schema}.users add column demo boolean not null default false;

--changeset linetrace:identity-plant-users-2
-- The one-time codes of the first-run setup, as hashes: one per start of an identity instance while no admin exists,
-- each written to that instance's data directory only. The first admin created with any of them deletes them all.
create table ${schema}.setup_code (
    code_hash  text primary key,
    created_at timestamptz not null
);
