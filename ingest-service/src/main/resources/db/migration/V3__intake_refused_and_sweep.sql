-- An intake row now records what its client was told (intake/IntakeStatus): REFUSED after a 503,
-- so that the sweeper publishes only rows whose client heard 202 or nothing at all.
alter table intake drop constraint intake_status_check;
alter table intake add constraint intake_status_check
    check (status in ('PENDING', 'PUBLISHED', 'REFUSED'));

-- When the row entered its status: the sweeper's clock for PENDING (grace period) and REFUSED
-- (retention). The database's clock, so that instances with skewed clocks agree.
alter table intake add column state_since timestamptz;
update intake set state_since = coalesce(published_at, created_at);
alter table intake alter column state_since set not null;
alter table intake alter column state_since set default now();

-- Only the rows the sweeper looks at: PUBLISHED rows are the vast majority and never swept.
create index intake_unsettled on intake (status, state_since) where status <> 'PUBLISHED';
