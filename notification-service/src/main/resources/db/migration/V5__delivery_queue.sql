-- The ledger becomes the durable delivery queue: a consumer only writes rows down (one insert per
-- batch, in its own transaction) and a worker claims the due ones, sends them and records the
-- outcome. Nothing waits in memory: a crash, a restart or a provider outage leaves the rows here.

alter table notification add column level int not null default 0;
-- The operator an alert is for (also the key to re-time held alerts when their hours change).
alter table notification add column recipient_id text;
-- What sending needs, kept only until the row is settled: the address and the message's data are
-- personal (names, a caller's number) and are cleared when it is SENT, FAILED or SUPPRESSED.
alter table notification add column address text;
alter table notification add column thread_ref text;
alter table notification add column ticket text;
-- A customer message: its template and language, rendered when it is sent (an acknowledgement
-- tells the due time sla-service announced by then). An alert: data holds subject and text.
alter table notification add column template text;
alter table notification add column language text;
alter table notification add column data jsonb;
-- Sent only once that notification is settled (the rating request after the resolution notice).
alter table notification add column after_id text;
-- A routine alert held for its recipient's working hours.
alter table notification add column held_for_hours boolean not null default false;
-- When the message was first due; the maximum age and the delivery latency count from here.
alter table notification add column due_at timestamptz;
-- When a worker may claim it next: its due time, a retry's backoff, or the end of a claim's lease.
alter table notification add column next_attempt_at timestamptz;
alter table notification add column attempts int not null default 0;
-- The claim that holds the row while its lease runs; only that claim may record the outcome.
alter table notification add column claim_id uuid;

update notification set due_at = created_at;
alter table notification alter column due_at set not null;

-- The claim: due rows of one medium in due order.
create index notification_due on notification (medium, next_attempt_at) where status = 'PENDING';
-- Held alerts of a recipient, re-timed when their working hours change.
create index notification_held on notification (recipient_id) where status = 'PENDING' and held_for_hours;

-- Alerts held by the previous version go out at the upgrade.
update notification n
   set recipient_id = h.recipient_id,
       medium = r.medium,
       address = r.address,
       data = jsonb_build_object('subject', h.subject, 'text', h.text),
       held_for_hours = true,
       next_attempt_at = now()
  from held_alert h join alert_recipient r on r.operator_id = h.recipient_id
 where n.id = h.notification_id and n.status = 'PENDING';
drop table held_alert;

-- Any other row the previous version left PENDING stopped mid-send in a crash: its event was never
-- committed past, so it is read again, and the row it writes then carries what sending needs. The
-- old row, without an address, would only be in the way (at-least-once, like a crash after a send).
delete from notification where status = 'PENDING' and next_attempt_at is null;

-- The meeting point of an inquiry's acknowledgement and sla-service's first-response due time,
-- which arrive on two topics in either order. Both consumers upsert the inquiry's row, so the
-- second waits for the first to commit and then sees it: whichever comes second makes the
-- acknowledgement due at once. The worker reads the promise when it renders the acknowledgement.
create table acknowledgement_promise (
    inquiry_id             uuid primary key,
    -- An acknowledgement row was queued for the inquiry.
    acknowledgement_queued boolean     not null default false,
    -- From ClockStarted(FIRST_RESPONSE): the due time, the zone of the calendar that decided it
    -- (null in older events: told in UTC), and whether the customer wrote outside its hours.
    due_at                 timestamptz,
    zone                   text,
    off_hours              boolean     not null default false,
    updated_at             timestamptz not null default now()
);
create index acknowledgement_promise_by_age on acknowledgement_promise (updated_at);

-- Wakes the delivery workers of every instance (they listen on "delivery_<schema>") for the media
-- that have rows due now; the payload is the medium. NOTIFY is sent at commit and never on
-- rollback, and equal payloads of one transaction fold into one.
create function notification_due_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('delivery_' || tg_table_schema, medium)
       from (select distinct medium from changed
              where status = 'PENDING' and next_attempt_at <= clock_timestamp()) due;
    return null;
end;
$$;

create trigger notification_due_insert
    after insert on notification referencing new table as changed
    for each statement execute function notification_due_notify();

create trigger notification_due_update
    after update on notification referencing new table as changed
    for each statement execute function notification_due_notify();
