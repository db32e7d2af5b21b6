--liquibase formatted sql

--changeset linetrace:tracking-scan-id-scope-1
-- A scan id makes a retried request idempotent at its station for its action only: the same id elsewhere is
-- another scan, and never gets another station's verdict.
alter table ${schema}.scan drop constraint scan_pkey;
alter table ${schema}.scan add primary key (scan_id, station_id, action);
-- A digest of who asked what under the id; a reuse of the id with anything else is refused. Null for scans
-- recorded before it was kept (their retries get the first verdict, as before).
alter table ${schema}.scan add column request_digest text;
