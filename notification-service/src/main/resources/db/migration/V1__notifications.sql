-- Every message sent to a customer, keyed deterministically so that a redelivered event finds the
-- row of its first delivery instead of sending again.
create table notification (
    id          text primary key,
    inquiry_id  uuid        not null,
    kind        text        not null,
    channel     text        not null,
    -- Masked: the ledger proves that we wrote, not to whom; the event carries the address.
    recipient   text        not null,
    status      text        not null check (status in ('PENDING', 'SENT')),
    created_at  timestamptz not null,
    sent_at     timestamptz
);

create index notification_by_inquiry on notification (inquiry_id);
