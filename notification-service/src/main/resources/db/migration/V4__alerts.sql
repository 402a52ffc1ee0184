-- How each operator or supervisor wants to be alerted, and when they work.
create table alert_recipient (
    operator_id   text primary key,
    name          text,
    medium        text not null check (medium in ('EMAIL', 'SLACK', 'TELEGRAM')),
    -- E-mail address, Slack-compatible incoming webhook URL, or Telegram chat id.
    address       text not null,
    supervisor_id text,
    time_zone     text not null,
    work_days     text not null,
    work_start    time not null,
    work_end      time not null
);

-- Non-urgent alerts that arrived outside their recipient's working hours, sent once they start.
create table held_alert (
    notification_id text primary key,
    inquiry_id      uuid        not null,
    recipient_id    text        not null,
    kind            text        not null,
    level           int         not null,
    subject         text        not null,
    text            text        not null,
    held_at         timestamptz not null
);
