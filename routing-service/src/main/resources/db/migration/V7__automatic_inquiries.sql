-- Machine-written mail (bounces, auto-replies, bulk) is kept and counted but takes no operator's slot.
alter table inquiry add column automatic boolean not null default false;
