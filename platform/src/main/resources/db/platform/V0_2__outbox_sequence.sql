-- The relay publishes in the order of a database sequence, not of created_at: that column comes
-- from the clock of whichever JVM staged the row, and clocks of two instances disagree.
alter table outbox_message add column seq bigint;

-- Rows still waiting when this runs keep the order the previous relay would have used.
update outbox_message m
   set seq = ordered.n
  from (select id, row_number() over (order by created_at, id) as n from outbox_message) ordered
 where m.id = ordered.id;

alter table outbox_message alter column seq set not null;
alter table outbox_message alter column seq add generated always as identity;
do $$
begin
    perform setval(pg_get_serial_sequence('outbox_message', 'seq'),
                   coalesce((select max(seq) from outbox_message), 0) + 1, false);
end;
$$;

create unique index outbox_message_seq on outbox_message (seq);

-- Wakes the relay's leader, which listens on "outbox_<schema>". NOTIFY is delivered when the
-- inserting transaction commits and never if it rolls back; notifications of one transaction with
-- the same payload are folded into one, so a statement-level trigger costs one per commit.
create function outbox_message_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_' || tg_table_schema, '');
    return null;
end;
$$;

create trigger outbox_message_notify
    after insert on outbox_message
    for each statement execute function outbox_message_notify();
