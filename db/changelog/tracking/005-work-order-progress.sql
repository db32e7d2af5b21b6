--liquibase formatted sql

--changeset linetrace:tracking-unit-by-work-order-1
-- A work order's units: its serials for labels and holds, and its progress in the work orders list.
create index unit_work_order on ${schema}.unit (work_order);
