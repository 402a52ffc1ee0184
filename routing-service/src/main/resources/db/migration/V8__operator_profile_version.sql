-- Each instance keeps operators' parsed profiles in memory, keyed by this version: the directory
-- (API or file) bumps it with every profile it writes, and every routing decision reads it with the
-- team's load, so a change made on any instance is seen at the next decision.
alter table operator add column profile_version bigint not null default 1;
