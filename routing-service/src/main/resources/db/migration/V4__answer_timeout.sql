-- Since when an accepted inquiry waits for its operator's reply: the answer timeout counts from here.
alter table inquiry add column awaiting_reply_since timestamptz;

update inquiry set awaiting_reply_since = accepted_at where status = 'ACCEPTED';

create index inquiry_awaiting_reply on inquiry (channel, awaiting_reply_since)
    where status = 'ACCEPTED';
