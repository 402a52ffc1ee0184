-- Deliveries on every medium, that can fail for good, and the per-customer acknowledgement window.
alter table notification rename column channel to medium;

alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'));

-- SHA-256 of the normalized address: finds a customer's recent acknowledgements without storing
-- the address itself.
alter table notification add column recipient_key text;
-- The last failure, addresses masked.
alter table notification add column failure text;

create index notification_by_recipient on notification (recipient_key, created_at);
