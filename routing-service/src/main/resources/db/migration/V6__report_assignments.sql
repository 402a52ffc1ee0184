-- Every assignment of an inquiry to an operator, kept for the supervisor reports: the inquiry row
-- only knows its current operator, while a report needs who held it before, whether they accepted,
-- replied or resolved it, and whether it was forwarded away from them. Filled from the lifecycle
-- events routing publishes and the operators' replies; the assigning event's id is the key, so a
-- redelivered event adds nothing.
create table report_assignment (
    id             uuid primary key,
    inquiry_id     uuid        not null,
    operator_id    text        not null,
    team_id        text,
    assigned_at    timestamptz not null,
    accepted_at    timestamptz,
    first_reply_at timestamptz,
    resolved_at    timestamptz,
    ended_at       timestamptz,
    forwarded      boolean     not null default false
);
create index report_assignment_open on report_assignment (inquiry_id) where ended_at is null;
create index report_assignment_period on report_assignment (assigned_at);
