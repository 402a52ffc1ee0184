package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.SystemTrail.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day's figures from the simulator's own ground truth: what it sent and got accepted, when its
 * operators answered, what its customers were promised and received, what they rated. The due times
 * and priorities are the system's word (its SLA clocks and routing decisions), judged against the
 * simulator's timing. A figure the timing cannot settle (a moment inside a request's own window)
 * counts as "borderline".
 */
final class TruthFigures {
  /** One channel's (or the total's) figures. */
  static final class Tally {
    int inquiries;
    int automatic;
    int answered;
    int late;
    int lateBorderline;
    int breaches;
    int breachBorderline;
    int escalations;
    int escalationBorderline;
    int acksExpected;
    int acksReceived;
    int kept;
    int broken;
    int keptBorderline;
    int ratings;
    int ratingSum;
    final Spread firstResponse = new Spread();
  }

  /** One operator the simulator played. */
  static final class OperatorTally {
    int accepted;
    int declined;
    int forgotten;
    int resolved;
    int ratings;
    int ratingSum;
    int apiAnswers;
    final Spread firstReply = new Spread();

    /** The same, counting only answers given in a channel (e-mail, chat): not the API's. */
    final Spread firstChannelReply = new Spread();
  }

  static final List<String> CHANNELS = List.of("EMAIL", "WEB_FORM", "CHAT", "PHONE", "TELEGRAM");
  static final String TOTAL = "TOTAL";

  final Map<String, Tally> channels = new LinkedHashMap<>();
  final Map<String, Spread> priorities = new TreeMap<>();
  final Map<String, OperatorTally> operators = new TreeMap<>();

  private TruthFigures() {
    CHANNELS.forEach(c -> channels.put(c, new Tally()));
    channels.put(TOTAL, new Tally());
  }

  /**
   * @param timerGrace how long after its due time a timer may fire (the longest lag seen): a
   *     deadline that close before an answer may or may not have fired
   */
  static TruthFigures of(
      GroundTruth truth, SystemTrail trail, SimOptions options, Instant end, Duration timerGrace) {
    TruthFigures figures = new TruthFigures();
    figures.timerGrace = timerGrace;
    for (Case c : truth.cases()) {
      if (c.accepted()) {
        figures.take(c, trail.get(c.inquiryId), trail.promise(c.inquiryId), options, end);
      }
    }
    return figures;
  }

  private Duration timerGrace = Duration.ZERO;

  Duration timerGrace() {
    return timerGrace;
  }

  private void take(Case c, Seen seen, Instant promise, SimOptions options, Instant end) {
    String channel = c.arrival().channel().name();
    List<Tally> tallies = List.of(channels.get(channel), channels.get(TOTAL));
    if (c.automatic()) {
      tallies.forEach(t -> t.automatic++);
      return;
    }
    tallies.forEach(t -> t.inquiries++);
    var answer = c.firstAnswer();
    var clock = seen == null ? null : seen.clocks.get("FIRST_RESPONSE");
    Instant due = clock == null ? null : clock.dueAt;
    if (answer != null) {
      double low = seconds(c.sentTo, answer.from());
      double high = seconds(c.sentFrom, answer.to());
      tallies.forEach(
          t -> {
            t.answered++;
            t.firstResponse.add(low, high);
          });
      if (seen != null && seen.priority != null) {
        priorities.computeIfAbsent(seen.priority, p -> new Spread()).add(low, high);
      }
    }
    Judged late = judge(answer, due, end);
    tallies.forEach(
        t -> {
          t.late += late == Judged.LATE && answer != null ? 1 : 0;
          t.lateBorderline += late == Judged.BORDERLINE && answer != null ? 1 : 0;
          t.breaches += late == Judged.LATE ? 1 : 0;
          t.breachBorderline += late == Judged.BORDERLINE ? 1 : 0;
        });
    if (due != null
        && seen.priority != null
        && (seen.priority.equals("P1") || seen.priority.equals("P2"))) {
      for (Duration after : options.escalateAfter()) {
        Judged escalated = judge(answer, due.plus(after), end);
        tallies.forEach(
            t -> {
              t.escalations += escalated == Judged.LATE ? 1 : 0;
              t.escalationBorderline += escalated == Judged.BORDERLINE ? 1 : 0;
            });
      }
    }
    if (c.ackMedium != null && options.ackMedia().contains(c.ackMedium)) {
      boolean received =
          c.ackMedium.equals("EMAIL") && options.readsMail()
              ? c.ackMailAt != null
              : seen != null && seen.ack != null;
      Judged kept = judge(answer, promise, end);
      tallies.forEach(
          t -> {
            t.acksExpected++;
            t.acksReceived += received ? 1 : 0;
            if (received && promise != null) {
              t.kept += kept == Judged.IN_TIME ? 1 : 0;
              t.broken += kept == Judged.LATE ? 1 : 0;
              t.keptBorderline += kept == Judged.BORDERLINE ? 1 : 0;
            }
          });
    }
    if (c.rated != null) {
      int score = c.rated;
      tallies.forEach(
          t -> {
            t.ratings++;
            t.ratingSum += score;
          });
      if (c.resolvedBy != null) {
        OperatorTally op = operator(c.resolvedBy);
        op.ratings++;
        op.ratingSum += score;
      }
    }
    operators(c, seen);
  }

  private void operators(Case c, Seen seen) {
    c.acceptedBy.forEach(id -> operator(id).accepted++);
    c.declinedBy.forEach(id -> operator(id).declined++);
    if (c.forgottenBy != null) {
      operator(c.forgottenBy).forgotten++;
    }
    if (c.resolvedBy != null) {
      operator(c.resolvedBy).resolved++;
    }
    if (seen == null) {
      return;
    }
    for (var answer : c.answers) {
      if (answer.how().equals("API")) {
        operator(answer.operator()).apiAnswers++;
      }
    }
    // Routing's first reply: from each assignment to that operator's first answer after it.
    List<Step> assignments =
        seen.steps.stream().filter(s -> s.what().equals("ASSIGNED") && s.holder() != null).toList();
    for (int i = 0; i < assignments.size(); i++) {
      Step step = assignments.get(i);
      Instant until = i + 1 < assignments.size() ? assignments.get(i + 1).at() : Instant.MAX;
      OperatorTally tally = operator(step.holder());
      boolean any = false;
      boolean channel = false;
      for (var answer : c.answers) {
        if (!answer.to().isAfter(step.at()) || answer.from().isAfter(until)) {
          continue;
        }
        if (!any && answer.operator().equals(step.holder())) {
          tally.firstReply.add(seconds(step.at(), answer.from()), seconds(step.at(), answer.to()));
          any = true;
        }
        if (!channel && !answer.how().equals("API")) {
          tally.firstChannelReply.add(
              seconds(step.at(), answer.from()), seconds(step.at(), answer.to()));
          channel = true;
        }
      }
    }
  }

  private OperatorTally operator(String id) {
    return operators.computeIfAbsent(id, k -> new OperatorTally());
  }

  enum Judged {
    IN_TIME,
    LATE,
    BORDERLINE,
    OPEN
  }

  /**
   * An answer against a deadline: late when it certainly came after (or never came and the deadline
   * passed), borderline when the deadline falls inside the answer's request.
   */
  static Judged judge(GroundTruth.Answer answer, Instant deadline, Instant end) {
    if (deadline == null) {
      return Judged.OPEN;
    }
    if (answer == null) {
      return deadline.isBefore(end) ? Judged.LATE : Judged.OPEN;
    }
    if (answer.from().isAfter(deadline)) {
      return Judged.LATE;
    }
    return answer.to().isAfter(deadline) ? Judged.BORDERLINE : Judged.IN_TIME;
  }

  /**
   * Whether a timer due at {@code deadline} fired: sla-service cancels it when it processes the
   * answer ({@code processed}), and fires it up to {@code grace} late. Certain when the deadline
   * (with the grace) passed before the answer was even sent, or when the answer was processed
   * before it; borderline in between.
   */
  static Judged judgeTimer(
      GroundTruth.Answer answer, Instant processed, Instant deadline, Instant end, Duration grace) {
    if (deadline == null) {
      return Judged.OPEN;
    }
    if (answer == null) {
      if (deadline.plus(grace).isBefore(end)) {
        return Judged.LATE;
      }
      return deadline.isBefore(end) ? Judged.BORDERLINE : Judged.OPEN;
    }
    if (deadline.plus(grace).isBefore(answer.from())) {
      return Judged.LATE;
    }
    Instant stopped = processed != null && processed.isAfter(answer.to()) ? processed : answer.to();
    return deadline.isBefore(stopped) ? Judged.BORDERLINE : Judged.IN_TIME;
  }

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
