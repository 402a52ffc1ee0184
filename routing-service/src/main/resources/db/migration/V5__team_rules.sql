-- Team and topic rules: the topic operators are filtered by and the rule that decided.
alter table inquiry
    add column topic     text,
    add column team_rule text;
