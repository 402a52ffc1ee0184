-- What routing and the replies told us about an inquiry; lifecycle events may arrive before the
-- inquiry itself, so every column but the id may still be unknown.
create table sla_inquiry (
    inquiry_id  uuid primary key,
    channel     text,
    priority    text,
    segment     text,
    team_id     text,
    assignee_id text
);

-- A clock runs in stretches: counted_seconds (business time) and wall_seconds (calendar time) hold
-- what the stretches before run_started_at used up, so a pause never loses or invents time.
alter table sla_clock
    add column rule            text,
    add column calendar        text,
    add column cap_seconds     bigint check (cap_seconds > 0),
    add column run_started_at  timestamptz,
    add column counted_seconds bigint not null default 0,
    add column wall_seconds    bigint not null default 0,
    add column paused_at       timestamptz,
    add column stopped_at      timestamptz,
    add column met             boolean;
update sla_clock set run_started_at = started_at;
alter table sla_clock alter column run_started_at set not null;

-- One row per pending warning, breach and escalation level. The poller claims due rows with
-- "for update skip locked", so two instances never fire the same row, and marks them fired in the
-- transaction that stages their event.
create table sla_timer (
    id       uuid primary key,
    clock_id uuid        not null references sla_clock (id) on delete cascade,
    kind     text        not null check (kind in ('WARNING', 'BREACH', 'ESCALATION')),
    level    int         not null default 0,
    due_at   timestamptz not null,
    fired_at timestamptz
);
create index sla_timer_pending on sla_timer (due_at) where fired_at is null;
create index sla_timer_clock on sla_timer (clock_id) where fired_at is null;
