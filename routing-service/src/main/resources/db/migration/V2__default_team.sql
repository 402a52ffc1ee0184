-- A starting team so that a fresh installation routes at once; the operator directory replaces it.
insert into team (id, display_name) values ('support', 'Support');
insert into operator (id, team_id, display_name, email, capacity) values
    ('duty-1', 'support', 'Duty operator 1', 'duty-1@switchboard.local', 10),
    ('duty-2', 'support', 'Duty operator 2', 'duty-2@switchboard.local', 10);
