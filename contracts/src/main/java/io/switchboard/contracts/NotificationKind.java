package io.switchboard.contracts;

/** What a notification is about. */
public enum NotificationKind {
  ACKNOWLEDGEMENT,
  ASSIGNMENT_ALERT,
  MISSED_CALL_ALERT,
  SLA_WARNING_ALERT,
  SLA_BREACH_ALERT,
  ESCALATION_ALERT,
  CHAT_FALLBACK,
  RESOLUTION_NOTICE,
  CSAT_REQUEST,
  OPERATIONAL_ALERT
}
