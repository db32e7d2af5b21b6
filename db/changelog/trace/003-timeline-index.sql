--liquibase formatted sql

--changeset linetrace:trace-timeline-index-1
-- A serial's timeline read from its index alone. At 200,000 units a serial's ~50 events lie on ~22 heap pages,
-- inserted among every other unit's events and mostly not in memory (run 4 of docs/trace-scale.md); the index keeps
-- them together in the timeline's order with the columns it shows, so it reads two or three pages. An index row must
-- stay under PostgreSQL's b-tree limit (about 2.7 KB): the ids are at most 100 characters each, and trace keeps a
-- summary to 300 characters (Projection.SUMMARY); the full text stays in the payload. Rows kept before that limit
-- are shortened here the same way, so the index can be built.
update ${schema}.unit_event set summary = left(summary, 299) || '…' where length(summary) > 300;
create index unit_event_timeline on ${schema}.unit_event (serial, occurred_at, event_id)
    include (type, line, station, actor, summary);
drop index ${schema}.unit_event_serial;
-- An index-only scan skips the heap only on pages the visibility map marks all-visible, which a vacuum sets. A table
-- that only grows is vacuumed after a fifth of its size by default (two million rows at 200,000 units); a fiftieth
-- keeps the pages of all but the latest events marked.
alter table ${schema}.unit_event set (autovacuum_vacuum_insert_scale_factor = 0.02);
