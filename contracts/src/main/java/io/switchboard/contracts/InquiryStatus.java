package io.switchboard.contracts;

/** Where an inquiry is in its lifecycle. */
public enum InquiryStatus {
  NEW,
  QUEUED,
  ASSIGNED,
  ACCEPTED,
  WAITING_ON_CUSTOMER,
  RESOLVED,
  CLOSED,
  REOPENED
}
