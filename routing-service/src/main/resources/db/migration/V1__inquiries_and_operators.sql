create table team (
    id           text primary key,
    display_name text not null
);

create table operator (
    id           text primary key,
    team_id      text not null references team (id),
    display_name text not null,
    email        text not null,
    capacity     int  not null check (capacity > 0)
);

create table inquiry (
    id          uuid primary key,
    ticket      text        not null,
    channel     text        not null,
    priority    text        not null,
    status      text        not null,
    team_id     text        references team (id),
    operator_id text        references operator (id),
    received_at timestamptz not null,
    assigned_at timestamptz
);

create index inquiry_open_by_operator on inquiry (operator_id) where status = 'ASSIGNED';
