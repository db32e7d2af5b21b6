-- The statements TraceBenchmark --explain=docs/trace-scale-explain.sql shows the plans of, on the data it timed
-- (a line holding only ";" ends a statement; :serial, :partNumber, :lot and :workOrder take values of the load).
-- A serial's timeline, as HistoryRepository reads it:
select event_id, type, occurred_at, line, station, serial, actor, summary
from trace.unit_event where serial = :serial order by occurred_at, event_id
;
