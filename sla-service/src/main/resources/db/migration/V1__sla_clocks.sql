-- One clock per kind per inquiry: a redelivered or re-emitted inquiry must never start a second
-- first-response clock and move the promise.
create table sla_clock (
    id             uuid primary key,
    inquiry_id     uuid        not null,
    kind           text        not null,
    channel        text        not null,
    started_at     timestamptz not null,
    due_at         timestamptz not null,
    target_seconds bigint      not null check (target_seconds > 0),
    status         text        not null default 'RUNNING',
    unique (inquiry_id, kind)
);
