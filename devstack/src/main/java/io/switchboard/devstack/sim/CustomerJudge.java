package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.Verdict.Finding;
import io.switchboard.devstack.sim.Verdict.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer's side of the verdict: each inquiry acknowledged on a medium the deployment can send
 * on, in words that tell the promised time and its zone; machine-written mail left alone; a bounced
 * acknowledgement recorded as a failed delivery.
 */
final class CustomerJudge {
  private static final Duration LOOP_GUARD_WINDOW = Duration.ofMinutes(10);

  private CustomerJudge() {}

  static void automatic(Case c, Seen seen, List<Finding> findings) {
    List<String> wrong = new ArrayList<>();
    if (!seen.automatic) {
      wrong.add("not marked automatic");
    }
    if (seen.steps.stream().anyMatch(s -> s.what().equals("ASSIGNED"))) {
      wrong.add("assigned to " + seen.operator + " (takes an operator's slot)");
    }
    if (seen.ack != null) {
      wrong.add("acknowledged (a mail loop)");
    }
    if (!seen.clocks.isEmpty()) {
      wrong.add("SLA clocks started");
    }
    if (!wrong.isEmpty()) {
      findings.add(
          new Finding(
              Rule.AUTOMATIC_MAIL_HANDLED,
              c.label(),
              c.arrival().kind() + ": " + String.join(", ", wrong)));
    }
  }

  static void acknowledgement(
      Case c, Seen seen, DayContext day, List<Finding> findings, List<String> notes) {
    SimOptions options = day.options();
    if (c.ackMedium == null) {
      return;
    }
    if (!options.ackMedia().contains(c.ackMedium)) {
      if (seen.ack != null) {
        notes.add(
            c.label() + ": acknowledged by " + c.ackMedium + " although --ack-media leaves it out");
      }
      return;
    }
    boolean mailed = c.ackMailAt != null;
    boolean email = c.ackMedium.equals("EMAIL") && options.readsMail();
    if (seen.ack == null && !mailed) {
      String failed =
          seen.failures.stream()
              .filter(f -> f.kind().equals("ACKNOWLEDGEMENT"))
              .map(f -> " (delivery failed: " + f.reason() + ")")
              .findFirst()
              .orElse("");
      findings.add(
          new Finding(
              Rule.NO_ACKNOWLEDGEMENT,
              c.label(),
              c.arrival().channel()
                  + " by "
                  + c.ackMedium
                  + ": nothing sent"
                  + failed
                  + sameAddress(c, day)));
      return;
    }
    if (email && !mailed) {
      findings.add(
          new Finding(
              Rule.NO_ACKNOWLEDGEMENT,
              c.label(),
              "acknowledgement-sent at " + seen.ack.at() + " but no mail reached the customer"));
      return;
    }
    if (!email) {
      return;
    }
    AckText words = AckText.read(c.ackMailText);
    Instant promised = seen.ack == null ? null : seen.ack.promisedBy();
    if (words.time() == null) {
      findings.add(new Finding(Rule.UNTRUTHFUL_ACKNOWLEDGEMENT, c.label(), "names no time"));
    } else if (words.zone() == null) {
      findings.add(
          new Finding(
              Rule.UNTRUTHFUL_ACKNOWLEDGEMENT,
              c.label(),
              "\"" + words.time() + "\" names no time zone"));
    } else if (promised != null && !words.says(promised)) {
      findings.add(
          new Finding(
              Rule.UNTRUTHFUL_ACKNOWLEDGEMENT,
              c.label(),
              "says "
                  + words.time()
                  + " ("
                  + words.zoneWords()
                  + ") but promisedBy is "
                  + promised.atZone(words.zone()).toLocalTime()));
    }
    var first = seen.clocks.get("FIRST_RESPONSE");
    if (promised != null && first != null && first.dueAt != null && !promised.equals(first.dueAt)) {
      notes.add(
          c.label()
              + ": promised "
              + promised
              + ", the SLA clock is due "
              + first.dueAt
              + " (the acknowledgement did not wait for sla-service's due time)");
    }
  }

  /**
   * The same customer address was acknowledged for other inquiries in the ten minutes before:
   * notification-service's loop guard (3 acknowledgements per address per 10 minutes by default)
   * suppresses the next one.
   */
  private static String sameAddress(Case c, DayContext day) {
    List<String> earlier = new ArrayList<>();
    for (Case other : day.truth().cases()) {
      if (other == c
          || !other.accepted()
          || other.sentTo == null
          || !other.sentTo.isBefore(c.sentFrom)
          || !c.ackMedium.equals(other.ackMedium)
          || other.arrival().customer().id() != c.arrival().customer().id()) {
        continue;
      }
      Seen before = day.trail().get(other.inquiryId);
      if (before != null
          && before.ack != null
          && before.ack.at().isAfter(c.sentFrom.minus(LOOP_GUARD_WINDOW))) {
        earlier.add(other.label());
      }
    }
    if (earlier.isEmpty()) {
      return "";
    }
    return " — the same "
        + c.ackMedium
        + " address was acknowledged for "
        + String.join(", ", earlier)
        + " in the 10 minutes before (notification-service's loop guard: at most"
        + " acknowledgements-per-window per address within acknowledgement-window; this customer"
        + " never learns its ticket)";
  }

  static void bounce(Case c, Seen seen, List<Finding> findings) {
    if (c.bouncedAt == null) {
      return;
    }
    boolean recorded = seen.failures.stream().anyMatch(f -> f.kind().equals("ACKNOWLEDGEMENT"));
    if (!recorded) {
      findings.add(
          new Finding(
              Rule.BOUNCE_NOT_RECORDED,
              c.label(),
              "the acknowledgement to a non-existent address bounced; no delivery-failed for it"));
    }
  }
}
