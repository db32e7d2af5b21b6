--liquibase formatted sql

--changeset linetrace:identity-users-1
-- Spring Security's standard user store; passwords are stored only as encoder hashes ({bcrypt}…).
create table ${schema}.users (
    username     text primary key,
    password     text    not null,
    enabled      boolean not null,
    display_name text
);
create table ${schema}.authorities (
    username  text not null references ${schema}.users (username) on delete cascade,
    authority text not null,
    primary key (username, authority)
);
