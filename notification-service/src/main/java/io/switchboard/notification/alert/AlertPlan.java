package io.switchboard.notification.alert;

import io.switchboard.contracts.NotificationKind;

/**
 * An alert to raise.
 *
 * @param operatorId the operator it concerns
 * @param toSupervisor true to alert that operator's supervisor instead
 * @param urgent urgent alerts go at once; the others wait for the recipient's working hours
 */
public record AlertPlan(
    String inquiryId,
    String operatorId,
    boolean toSupervisor,
    NotificationKind kind,
    int level,
    boolean urgent,
    String subject,
    String text) {}
