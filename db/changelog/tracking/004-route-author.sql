--liquibase formatted sql

--changeset linetrace:tracking-route-author-1
-- A route version is a controlled document: who saved it is kept with it. The plant's first routes were seeded.
alter table ${schema}.route add column created_by text not null default 'system';
alter table ${schema}.route alter column created_by drop default;
