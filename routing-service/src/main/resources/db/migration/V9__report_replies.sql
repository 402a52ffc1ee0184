-- Operators' replies, kept apart from the assignments they belong to. A reply comes from ingest on
-- inquiries.inbound while the assignment comes on inquiries.lifecycle, so a reply can be read
-- before the assignment that held the inquiry when it was written; stored on the assignment rows
-- it landed on the previous operator's (who had held the inquiry until then) and was lost to the
-- new one. Which assignment a reply answers is now decided when the report is read, from the
-- assignments' time windows, whatever order the events came in.
create table report_reply (
    inquiry_id uuid        not null,
    replied_at timestamptz not null,
    primary key (inquiry_id, replied_at)
);
insert into report_reply (inquiry_id, replied_at)
select inquiry_id, first_reply_at from report_assignment where first_reply_at is not null
on conflict do nothing;
alter table report_assignment drop column first_reply_at;
