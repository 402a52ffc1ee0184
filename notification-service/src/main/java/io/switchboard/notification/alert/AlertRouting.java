package io.switchboard.notification.alert;

import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.SlaWarning;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is alerted about what, and how urgently: pure, no I/O. Alerts are for the team, in English.
 */
public final class AlertRouting {
  /** From this escalation level on, the supervisor is alerted instead of the assignee. */
  public static final int SUPERVISOR_LEVEL = 3;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm z, d MMM", Locale.ENGLISH);

  private AlertRouting() {}

  /** Whom an alert about {@code event} concerns: the operator, or that operator's supervisor. */
  public record Target(String operatorId, boolean toSupervisor) {}

  /** Whom {@code event} alerts, if anyone; the recipient's zone is needed only for the text. */
  public static Optional<Target> target(InquiryEvent event, Optional<String> dutyOperator) {
    return plan(event, "", ZoneOffset.UTC, dutyOperator)
        .map(plan -> new Target(plan.operatorId(), plan.toSupervisor()));
  }

  /**
   * @param ticket the inquiry's number when known here, else its id
   * @param zone the recipient's own zone: times are told in it
   * @param dutyOperator who hears about missed calls
   */
  public static Optional<AlertPlan> plan(
      InquiryEvent event, String ticket, ZoneId zone, Optional<String> dutyOperator) {
    return switch (event) {
      case InquiryAssigned assigned -> Optional.of(assignment(assigned, ticket));
      case InquiryReceived received when received.kind() == InquiryKind.MISSED_CALL ->
          dutyOperator.map(duty -> missedCall(received, ticket, zone, duty));
      case SlaWarning warning when present(warning.assigneeId()) ->
          Optional.of(
              new AlertPlan(
                  warning.inquiryId(),
                  warning.assigneeId(),
                  false,
                  NotificationKind.SLA_WARNING_ALERT,
                  0,
                  true,
                  "[" + ticket + "] SLA warning",
                  "SLA warning for "
                      + ticket
                      + " ("
                      + warning.priority()
                      + "): "
                      + clock(warning.clock().name())
                      + " due at "
                      + TIME.format(warning.dueAt().atZone(zone))
                      + ", "
                      + Math.max(1, warning.remainingSeconds() / 60)
                      + " min left."));
      case SlaBreached breached when present(breached.assigneeId()) ->
          Optional.of(
              new AlertPlan(
                  breached.inquiryId(),
                  breached.assigneeId(),
                  false,
                  NotificationKind.SLA_BREACH_ALERT,
                  0,
                  true,
                  "[" + ticket + "] SLA breached",
                  "SLA breached for "
                      + ticket
                      + " ("
                      + breached.priority()
                      + "): "
                      + clock(breached.clock().name())
                      + " was due at "
                      + TIME.format(breached.dueAt().atZone(zone))
                      + "."));
      case SlaEscalated escalated when present(escalated.assigneeId()) ->
          Optional.of(escalation(escalated, ticket));
      default -> Optional.empty();
    };
  }

  private static AlertPlan assignment(InquiryAssigned assigned, String ticket) {
    return new AlertPlan(
        assigned.inquiryId(),
        assigned.operatorId(),
        false,
        NotificationKind.ASSIGNMENT_ALERT,
        0,
        assigned.priority() == Priority.P1 || assigned.priority() == Priority.P2,
        "[" + ticket + "] Assigned to you (" + assigned.priority() + ")",
        "Inquiry "
            + ticket
            + " is assigned to you: priority "
            + assigned.priority()
            + ", team "
            + assigned.teamId()
            + (present(assigned.reason()) ? ". Why: " + assigned.reason() + "." : "."));
  }

  // The caller's number is the point of this alert: it goes to the operator, never to a log.
  private static AlertPlan missedCall(
      InquiryReceived received, String ticket, ZoneId zone, String dutyOperator) {
    String number =
        received.customer() != null && present(received.customer().phone())
            ? received.customer().phone()
            : received.replyAddress() != null ? received.replyAddress().address() : "unknown";
    return new AlertPlan(
        received.inquiryId(),
        dutyOperator,
        false,
        NotificationKind.MISSED_CALL_ALERT,
        0,
        true,
        "[" + ticket + "] Missed call from " + number,
        "Missed call from "
            + number
            + " at "
            + TIME.format(received.occurredAt().atZone(zone))
            + ": please call back. Inquiry "
            + ticket
            + ".");
  }

  private static AlertPlan escalation(SlaEscalated escalated, String ticket) {
    boolean supervisor = escalated.level() >= SUPERVISOR_LEVEL;
    return new AlertPlan(
        escalated.inquiryId(),
        escalated.assigneeId(),
        supervisor,
        NotificationKind.ESCALATION_ALERT,
        escalated.level(),
        true,
        "[" + ticket + "] Escalation level " + escalated.level(),
        "Escalation level "
            + escalated.level()
            + " for "
            + ticket
            + " ("
            + escalated.priority()
            + "): "
            + clock(escalated.clock().name())
            + " is overdue"
            + (supervisor ? ", assignee " + escalated.assigneeId() + "." : "."));
  }

  private static String clock(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
