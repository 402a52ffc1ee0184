-- One row per source message (channel + idempotency key): a retried or duplicated delivery finds
-- the inquiry it already became instead of creating another.
create table intake (
    source_key   text primary key,
    inquiry_id   uuid        not null unique,
    ticket       text        not null unique,
    payload_hash text        not null,
    event_json   text        not null,
    status       text        not null check (status in ('PENDING', 'PUBLISHED')),
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
