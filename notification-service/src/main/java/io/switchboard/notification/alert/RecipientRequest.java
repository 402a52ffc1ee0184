package io.switchboard.notification.alert;

import java.util.List;

/**
 * An alert recipient as the REST API takes and returns it.
 *
 * @param medium EMAIL, SLACK or TELEGRAM
 * @param address e-mail address, Slack-compatible webhook URL, or Telegram chat id
 * @param timeZone IANA zone of the working hours; the service's zone when absent
 * @param workDays e.g. ["MONDAY", "FRIDAY"]; the service's business days when absent
 * @param workStart e.g. "09:00"; the service's business hours when absent
 */
public record RecipientRequest(
    String name,
    String medium,
    String address,
    String supervisorId,
    String timeZone,
    List<String> workDays,
    String workStart,
    String workEnd) {}
