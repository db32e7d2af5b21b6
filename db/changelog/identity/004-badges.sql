--liquibase formatted sql

--changeset linetrace:identity-badges-1
-- A person's badge for the station terminals: its id (printed or encoded on the badge, unique, upper case) and the
-- hash of their PIN ({bcrypt}…, never the PIN). One badge per person; removing the person removes it.
create table ${schema}.badge (
    badge    text primary key,
    username text not null unique references ${schema}.users (username) on delete cascade,
    pin      text not null
);

--changeset linetrace:identity-badges-2
-- Failed badge sign-ins are counted per badge too (a PIN is short: it locks sooner than a name).
alter table ${schema}.sign_in_failure drop constraint sign_in_failure_kind_check;
alter table ${schema}.sign_in_failure add constraint sign_in_failure_kind_check
    check (kind in ('user', 'address', 'badge'));
