-- The policy set through the API: it outlives a restart and reaches every instance, which picks up
-- a higher version on its next look.
create table sla_policy (
    id         int primary key check (id = 1),
    rules      text        not null,
    version    bigint      not null,
    updated_at timestamptz not null default now()
);
