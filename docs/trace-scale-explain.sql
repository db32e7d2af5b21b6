-- The statements TraceBenchmark --explain=docs/trace-scale-explain.sql shows the plans of, on the data it timed
-- (a line holding only ";" ends a statement; :serial, :partNumber, :lot, :workOrder, :firmwareVersion, :station,
-- :defect, :from and :to take values of the load). Copied from trace's repositories (services/trace/service/.../history
-- and .../query) as they were on 2026-12-01, the last three on 2026-12-02.
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
-- A search by a flight-controller version alone, the first page (SearchRepository, the limit among the candidates):
select u.serial, u.model, u.work_order, u.route_version, u.line, u.status, u.held, u.last_station, u.next_operation,
       u.first_seen_at, u.last_event_at, null::timestamptz as place
from (select distinct d.serial from trace.module_firmware d where d.version = :firmwareVersion and d.serial > ''
      order by d.serial limit 51) c
join trace.unit u on u.serial = c.serial where true order by u.serial limit 51
;
-- A search by defect code alone, the first page (SearchRepository):
select u.serial, u.model, u.work_order, u.route_version, u.line, u.status, u.held, u.last_station, u.next_operation,
       u.first_seen_at, u.last_event_at, null::timestamptz as place
from (select distinct d.serial from trace.unit_defect d where d.defect = :defect and d.serial > ''
      order by d.serial limit 51) c
join trace.unit u on u.serial = c.serial where true order by u.serial limit 51
;
-- A search at a station in one day, the first page (SearchRepository: a unit's first visit in the window places it):
select u.serial, u.model, u.work_order, u.route_version, u.line, u.status, u.held, u.last_station, u.next_operation,
       u.first_seen_at, u.last_event_at, v.arrived_at as place
from trace.operation_visit v join trace.unit u on u.serial = v.serial
where v.station = :station and v.arrived_at >= :from and v.arrived_at < :to
  and not exists (select 1 from trace.operation_visit e where e.serial = v.serial and e.station = v.station
                  and e.arrived_at >= :from and (e.arrived_at, e.event_id) < (v.arrived_at, v.event_id))
order by v.arrived_at, v.serial limit 51
;
