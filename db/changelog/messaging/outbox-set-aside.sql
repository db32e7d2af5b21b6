--liquibase formatted sql

--changeset linetrace:messaging-outbox-2
-- An event Kafka refuses for good (too large, not serializable) is set aside with the reason, so the relay goes on
-- with the events behind it instead of retrying it forever; people look at set-aside rows (and an alert says so).
alter table ${schema}.outbox add column set_aside_at timestamptz;
alter table ${schema}.outbox add column set_aside_reason text;
