--liquibase formatted sql

--changeset linetrace:tracking-route-approval-1
-- A new route version is a draft until a second person (QUALITY or ADMIN, never its author) approves it with an
-- electronic signature (DD021); new units follow the newest approved version. The versions saved before this rule
-- were in force at once, the plant's seeded ones included: they count as approved, by the system, when saved.
alter table ${schema}.route add column approved_by text;
alter table ${schema}.route add column approved_at timestamptz;
update ${schema}.route set approved_by = 'system', approved_at = created_at;
