package io.switchboard.notification.alert;

import java.util.List;

/**
 * An alert recipient as the REST API takes and returns it.
 *
 * @param medium EMAIL, SLACK or TELEGRAM
 * @param address e-mail address, Slack-compatible webhook URL, or Telegram chat id
 * @param timeZone IANA zone of the working hours and of the times alerts tell; UTC when absent
 * @param workDays e.g. ["MONDAY", "FRIDAY"]; Monday to Friday when absent
 * @param workStart e.g. "09:00"; 09:00 when absent (and {@code workEnd} 18:00)
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
