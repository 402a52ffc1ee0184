-- Shared by every service, in the service's own schema.

-- Events written in the same transaction as the state change they describe; the relay publishes
-- them to Kafka and deletes them once the broker acknowledged.
create table outbox_message (
    id          uuid primary key,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    payload     text        not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null default now()
);

-- Event ids a consumer has processed: a redelivered event is recognized and skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
