-- notification-service's own copy of how to reach each inquiry's customer, for the messages that
-- follow the acknowledgement (chat fallback, resolution notice, CSAT request). Personal data:
-- deleted with the inquiry's retention, never logged.
create table customer_contact (
    inquiry_id  uuid primary key,
    ticket      text        not null,
    name        text        not null,
    language    text        not null,
    channel     text        not null,
    medium      text        not null,
    address     text        not null,
    thread_ref  text,
    -- Who handled the inquiry, from InquiryAssigned, for the rating.
    operator_id text,
    created_at  timestamptz not null
);

-- One rating per inquiry.
create table csat_rating (
    inquiry_id  uuid primary key,
    score       int         not null check (score between 1 and 5),
    comment     text,
    received_at timestamptz not null
);
