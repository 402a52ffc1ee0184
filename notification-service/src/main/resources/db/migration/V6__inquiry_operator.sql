-- Who handles each inquiry, from InquiryAssigned, for its rating. Its own table, not a column of
-- customer_contact: the assignment (inquiries.lifecycle) may be read before the inquiry
-- (inquiries.inbound), and an update of a contact not written yet was lost, leaving the rating
-- attributed to nobody.
create table inquiry_operator (
    inquiry_id  uuid primary key,
    -- Null: assigned to a team without an operator.
    operator_id text,
    assigned_at timestamptz not null
);

insert into inquiry_operator (inquiry_id, operator_id, assigned_at)
select inquiry_id, operator_id, created_at from customer_contact where operator_id is not null;

alter table customer_contact drop column operator_id;
