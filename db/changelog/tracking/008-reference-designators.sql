--liquibase formatted sql

--changeset linetrace:tracking-reference-designators-1
-- Where on the unit each of a bill-of-materials line's parts sits (M1…M4 for four motors), in the order they are
-- installed; empty when the route names no places. An installed part keeps the designator it was given.
alter table ${schema}.route_part add column reference_designators text[] not null default '{}';
alter table ${schema}.installed_part add column reference_designator text;
