-- The statements TraceBenchmark --explain=docs/trace-scale-explain.sql shows the plans of, on the data it timed
-- (a line holding only ";" ends a statement; :serial, :partNumber, :lot and :workOrder take values of the load).
-- Copied from trace's repositories (services/trace/service/.../history and .../query) as they were on 2026-12-01.
-- A serial's timeline (HistoryRepository):
select event_id, type, occurred_at, line, station, serial, actor, summary
from trace.unit_event where serial = :serial order by occurred_at, event_id
;
-- The parts of a unit, its genealogy's largest read (UnitRepository):
select operation, part_number, lot, part_serial, quantity, reference_designator, station, actor, installed_at
from trace.installed_part where serial = :serial order by operation, installed_at, event_id
;
-- Where-used of a lot, the first page (WhereUsedRepository, page size 50 and one more to know of a next page):
with c as (select distinct d.serial from trace.installed_part d where d.lot = :lot and d.part_number = :partNumber
           and d.serial > '' order by d.serial limit 51)
select u.serial, u.model, u.work_order, u.route_version, u.line, u.status, u.held, u.last_station, u.next_operation,
       u.first_seen_at, u.last_event_at
from c join trace.unit u on u.serial = c.serial order by u.serial
;
-- A search by work order, the first page (SearchRepository):
select u.serial, u.model, u.work_order, u.route_version, u.line, u.status, u.held, u.last_station, u.next_operation,
       u.first_seen_at, u.last_event_at
from trace.unit u where u.work_order = :workOrder and u.serial > '' order by u.serial limit 51
;
