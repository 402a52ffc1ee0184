-- Operator directory: supervisors, routing modes, skills/capacities/schedules (JSON profile), presence.
alter table team
    add column supervisor_id             text,
    add column routing_mode              text not null default 'LEAST_LOADED',
    add column last_assigned_operator_id text;

alter table operator
    add column profile        text        not null default '{}',
    add column always_present boolean     not null default false,
    add column presence       text        not null default 'OFFLINE',
    add column last_seen_at   timestamptz;

-- Rows seeded before profiles existed keep routing around the clock with their capacity.
update operator
   set always_present = true,
       profile = json_build_object('id', id, 'team', team_id, 'name', display_name, 'email', email,
                                   'alwaysPresent', true,
                                   'capacity', json_build_object('default', capacity),
                                   'schedule', json_build_object('alwaysOn', true))::text;

create table customer_segment (
    customer_id text primary key,
    segment     text        not null,
    updated_at  timestamptz not null
);

alter table inquiry
    add column kind          text not null default 'MESSAGE',
    add column language      text,
    add column customer_key  text,
    add column segment       text,
    add column matched_rules text not null default '',
    add column sla_due_at    timestamptz,
    add column accepted_at   timestamptz,
    add column forward_level int  not null default 0,
    add column version       bigint not null default 0;

create index inquiry_open_by_operator_channel on inquiry (operator_id, channel)
    where status in ('ASSIGNED', 'ACCEPTED', 'WAITING_ON_CUSTOMER', 'REOPENED');
create index inquiry_queue on inquiry (team_id, priority, sla_due_at, received_at)
    where status = 'QUEUED';
create index inquiry_by_customer on inquiry (customer_key, assigned_at desc);
