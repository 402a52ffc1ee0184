-- The timer claim now locks the inquiry's row with the timer's (per-inquiry event order), so a
-- clock started before sla_inquiry existed needs its row, or its timers would never fire.
insert into sla_inquiry (inquiry_id)
select distinct inquiry_id from sla_clock
on conflict (inquiry_id) do nothing;
