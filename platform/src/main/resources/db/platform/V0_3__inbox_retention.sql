-- Processed event ids are forgotten after switchboard.processing.inbox-retention: the sweep finds
-- the old ones by age.
create index processed_event_by_age on processed_event (processed_at);
