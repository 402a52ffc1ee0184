-- The request that created or reopened an intake row (intake/IntakeClaim): the claim is one
-- statement that inserts or returns the row, and a request that finds its own id in the answer
-- knows it is the first delivery. Null in rows claimed before this column.
alter table intake add column claimed_by uuid;
