-- A source message can now also continue an inquiry (customer or operator reply): several intake
-- rows then share one inquiry and its ticket, and the row says which event it became.
alter table intake add column event_type text not null default 'switchboard.inquiry.received';
alter table intake alter column ticket drop not null;
alter table intake drop constraint intake_inquiry_id_key;
alter table intake drop constraint intake_ticket_key;
create unique index intake_received_inquiry on intake (inquiry_id)
    where event_type = 'switchboard.inquiry.received';
create unique index intake_received_ticket on intake (ticket)
    where event_type = 'switchboard.inquiry.received';

-- What threads a later message to an inquiry: an e-mail Message-ID, a chat session, a Telegram
-- chat ("EMAIL:<id>", "CHAT:<session>", "TELEGRAM:<chat id>").
create table thread_ref (
    ref        text primary key,
    inquiry_id uuid        not null,
    created_at timestamptz not null default now()
);
create index thread_ref_inquiry on thread_ref (inquiry_id);

-- Identifiers seen together ("email:<address>", "phone:<E.164>") share one customer id.
create table customer_identifier (
    identifier  text primary key,
    customer_id uuid        not null,
    linked_at   timestamptz not null default now()
);
create index customer_identifier_customer on customer_identifier (customer_id);
