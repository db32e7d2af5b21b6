--liquibase formatted sql

--changeset linetrace:audit-1
-- The ledger's entries in append order: entry is the canonical bytes a leaf hash covers (SHA-256(0x00 || entry));
-- the columns beside it are what the entry says, kept for search, and the event as it was on its topic. The
-- verification recomputes entry from the columns and the event, so an edit of either shows.
create table ${schema}.entry (
    idx          bigint      primary key check (idx >= 0),
    event_id     uuid        not null unique,
    topic        text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    appended_at  timestamptz not null,
    actor        text        not null,
    plant        text,
    line         text,
    station      text,
    serial       text,
    reason       text,
    event        bytea       not null,
    entry        bytea       not null,
    leaf_hash    bytea       not null check (length(leaf_hash) = 32)
);
create index entry_by_serial on ${schema}.entry (serial, idx desc);
create index entry_by_actor on ${schema}.entry (actor, idx desc);
create index entry_by_type on ${schema}.entry (type, idx desc);
create index entry_by_time on ${schema}.entry (occurred_at, idx desc);

-- The hash of every complete subtree: level L, index i covers leaves [i * 2^L, (i + 1) * 2^L). Written as each leaf
-- completes them, so a proof or a root needs O(log n) rows, never a pass over the leaves.
create table ${schema}.subtree (
    level  int    not null check (level >= 0 and level < 64),
    idx    bigint not null check (idx >= 0),
    hash   bytea  not null check (length(hash) = 32),
    primary key (level, idx)
);

-- Every checkpoint signed: the signed note is what outsiders keep; a checkpoint is never replaced.
create table ${schema}.checkpoint (
    tree_size  bigint      primary key check (tree_size >= 0),
    root_hash  bytea       not null check (length(root_hash) = 32),
    note       text        not null,
    issued_at  timestamptz not null
);

--changeset linetrace:audit-2 splitStatements:false
-- A guard against an UPDATE or DELETE by mistake. It proves nothing (its owner can drop or disable it): the proof
-- is the signed checkpoints, which the plant's verification and any outsider check.
create function ${schema}.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'The audit ledger is append-only: % on %.% refused', tg_op, tg_table_schema, tg_table_name;
end
$$;
create trigger entry_append_only before update or delete on ${schema}.entry
    for each row execute function ${schema}.refuse_change();
create trigger subtree_append_only before update or delete on ${schema}.subtree
    for each row execute function ${schema}.refuse_change();
create trigger checkpoint_append_only before update or delete on ${schema}.checkpoint
    for each row execute function ${schema}.refuse_change();
create trigger entry_not_truncated before truncate on ${schema}.entry
    for each statement execute function ${schema}.refuse_change();
