package io.switchboard.contracts;

/** What arrived: a message to answer, or a call to return. */
public enum InquiryKind {
  MESSAGE,
  MISSED_CALL,
  VOICEMAIL
}
