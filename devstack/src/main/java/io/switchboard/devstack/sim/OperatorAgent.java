package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.Roster.Member;
import io.switchboard.devstack.sim.StaffApi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One operator at work: notices an assignment, accepts it (or declines, or accepts and forgets it),
 * and works the accepted inquiries one at a time, most urgent and soonest due first: answers by
 * e-mail from the support mailbox, in the chat, or records an answer given by phone or Telegram
 * through the API; asks for details now and then; resolves.
 */
final class OperatorAgent {
  private enum Work {
    ANSWER,
    FOLLOW_UP,
    RESOLVE
  }

  private record Task(Work work, Case c, int rank, Instant due, long order) {
    /** Chats and Telegram are live: an operator keeps them open beside the written work. */
    boolean live() {
      SimChannel channel = c.arrival().channel();
      return channel == SimChannel.CHAT || channel == SimChannel.TELEGRAM;
    }
  }

  private static final double ASKS_DETAILS = 0.3;

  private final DayContext day;
  private final Member member;
  private final CustomerSide customers;
  private static final Comparator<Task> URGENT_FIRST =
      Comparator.comparingInt(Task::rank).thenComparing(Task::due).thenComparingLong(Task::order);

  private final PriorityQueue<Task> live = new PriorityQueue<>(URGENT_FIRST);
  private final PriorityQueue<Task> written = new PriorityQueue<>(URGENT_FIRST);
  private long orders;
  private boolean liveBusy;
  private boolean writtenBusy;
  private volatile boolean working;

  OperatorAgent(DayContext day, Member member, CustomerSide customers) {
    this.day = day;
    this.member = member;
    this.customers = customers;
    this.working = member.shiftStart == null;
  }

  Member member() {
    return member;
  }

  /** On shift (or on duty): assignments are worked. Off shift, held work is still finished. */
  void working(boolean working) {
    this.working = working;
  }

  /** routing gave this operator an inquiry of the simulator's. */
  void assigned(Case c, int assignment) {
    if (!working && member.shiftStart != null) {
      day.truth().count("assignment to an operator off shift (left alone)");
      return;
    }
    SplittableRandom dice = day.dice(c.arrival().seq(), "assigned-" + member.id + "-" + assignment);
    if (assignment == 1 && dice.nextDouble() < day.options().declineShare()) {
      day.scheduler().after(DayContext.between(dice, 10, 30), () -> decline(c));
      return;
    }
    boolean forget = dice.nextDouble() < day.options().forgetShare();
    Duration reaction =
        c.arrival().channel() == SimChannel.CHAT
            ? DayContext.between(dice, 5, 20)
            : DayContext.between(dice, 20, 90);
    day.scheduler().after(reaction, () -> accept(c, forget));
  }

  /** The customer wrote again and the inquiry is back on this operator's desk. */
  void customerCameBack(Case c) {
    if ("REOPENED".equals(day.trail().status(c.inquiryId))) {
      act(c, "accept");
    }
    enqueue(Work.FOLLOW_UP, c);
  }

  private void decline(Case c) {
    if (!mine(c)) {
      return;
    }
    if (act(c, "decline").ok()) {
      synchronized (c) {
        c.declinedBy.add(member.id);
      }
      day.truth().count("declined");
    }
  }

  private void accept(Case c, boolean forget) {
    if (!mine(c)) {
      return;
    }
    if (!act(c, "accept").ok()) {
      return;
    }
    synchronized (c) {
      c.acceptedBy.add(member.id);
      if (forget) {
        c.forgottenBy = member.id;
      }
    }
    day.truth().count("accepted");
    if (forget) {
      day.truth().count("forgotten after accepting");
      return;
    }
    enqueue(Work.ANSWER, c);
  }

  private synchronized void enqueue(Work work, Case c) {
    var clock = day.trail().get(c.inquiryId);
    Instant due =
        clock != null && clock.clocks.containsKey("FIRST_RESPONSE")
            ? clock.clocks.get("FIRST_RESPONSE").dueAt
            : null;
    String priority = clock == null || clock.priority == null ? "P3" : clock.priority;
    Task task =
        new Task(
            work,
            c,
            work == Work.RESOLVE ? 9 : priority.charAt(1) - '0',
            due == null ? Instant.MAX : due,
            orders++);
    (task.live() ? live : written).add(task);
    pump(task.live());
  }

  /**
   * Starts the next task of a lane when it is idle: one conversation and one written answer at a
   * time, most urgent and soonest due first, as a person works.
   */
  private synchronized void pump(boolean liveLane) {
    PriorityQueue<Task> queue = liveLane ? live : written;
    if ((liveLane ? liveBusy : writtenBusy) || queue.isEmpty()) {
      return;
    }
    Task task = queue.poll();
    if (liveLane) {
      liveBusy = true;
    } else {
      writtenBusy = true;
    }
    day.scheduler()
        .after(
            handling(task),
            () -> {
              try {
                perform(task);
              } finally {
                synchronized (this) {
                  if (liveLane) {
                    liveBusy = false;
                  } else {
                    writtenBusy = false;
                  }
                }
                pump(liveLane);
              }
            });
  }

  private Duration handling(Task task) {
    SplittableRandom dice =
        day.dice(task.c().arrival().seq(), "handling-" + task.work() + "-" + task.order());
    if (task.work() == Work.RESOLVE) {
      return DayContext.between(dice, 20, 60);
    }
    Duration full =
        switch (task.c().arrival().channel()) {
          case CHAT -> DayContext.between(dice, 20, 60);
          case TELEGRAM -> DayContext.between(dice, 60, 180);
          case PHONE -> DayContext.between(dice, 120, 360);
          case EMAIL, WEB_FORM -> DayContext.between(dice, 180, 540);
        };
    return task.work() == Work.FOLLOW_UP ? full.dividedBy(2) : full;
  }

  private void perform(Task task) {
    Case c = task.c();
    if (!mine(c)) {
      return;
    }
    if (task.work() == Work.RESOLVE) {
      if (act(c, "resolve").ok()) {
        synchronized (c) {
          c.resolvedAt = Instant.now();
          c.resolvedBy = member.id;
        }
        day.truth().count("resolved");
      }
      return;
    }
    SplittableRandom dice = day.dice(c.arrival().seq(), "answer-" + task.order());
    boolean askDetails =
        task.work() == Work.ANSWER
            && !c.detailsAsked
            && CustomerSide.canWriteAgain(c)
            && c.arrival().channel() != SimChannel.PHONE
            && dice.nextDouble() < ASKS_DETAILS;
    if (!answer(c, askDetails, dice)) {
      return;
    }
    if (askDetails) {
      c.detailsAsked = true;
      customers.detailsAsked(c);
      // Nobody writes back within the hour: the operator closes it as answered.
      day.scheduler().after(Duration.ofMinutes(60), () -> resolveIfSilent(c));
    } else {
      enqueue(Work.RESOLVE, c);
    }
  }

  private void resolveIfSilent(Case c) {
    if ("WAITING_ON_CUSTOMER".equals(day.trail().status(c.inquiryId)) && mine(c)) {
      enqueue(Work.RESOLVE, c);
    }
  }

  /** Answers through the channel's own tool where there is one, else records it via the API. */
  private boolean answer(Case c, boolean askDetails, SplittableRandom dice) {
    PlannedArrival a = c.arrival();
    String text = Phrasebook.answer(a.customer().russian(), member.name, askDetails);
    String how = "API";
    Instant from;
    Instant to;
    boolean ok;
    String key = "sim-" + day.run() + "-" + a.seq() + "-op-" + System.nanoTime();
    if (a.channel() == SimChannel.EMAIL && dice.nextDouble() < 0.7
        || a.channel() == SimChannel.WEB_FORM
            && a.customer().email() != null
            && dice.nextDouble() < 0.4) {
      how = "EMAIL";
      var sent =
          day.door()
              .email(
                  MailComposer.operatorReply(
                      day.options().supportAddress(),
                      member.name,
                      a.customer().email(),
                      c.ticket,
                      a.text().subject(),
                      a.channel() == SimChannel.EMAIL ? c.threadRef : c.ackMailId,
                      text,
                      "<" + key + "@switchboard.local>"));
      ok = sent.accepted();
      from = sent.requestedAt();
      to = sent.answeredAt();
    } else if (a.channel() == SimChannel.CHAT && dice.nextDouble() < 0.8) {
      how = "CHAT";
      var sent = day.door().chat(c.threadRef, key, member.id, null, text);
      ok = sent.accepted();
      from = sent.requestedAt();
      to = sent.answeredAt();
    } else {
      Answer recorded = act(c, "replies");
      ok = recorded.ok();
      from = recorded.requestedAt();
      to = recorded.answeredAt();
      String status = recorded.body().path("status").asText("");
      if (ok && askDetails && (status.equals("ACCEPTED") || status.equals("REOPENED"))) {
        act(c, "wait-on-customer");
      }
    }
    day.truth().count("operator answer by " + how + (ok ? "" : " refused"));
    if (!ok && !how.equals("API")) {
      day.truth().refused(c.label() + " " + member.id + "'s answer by " + how + " refused");
    }
    if (ok) {
      day.truth().answered(c, new GroundTruth.Answer(member.id, how, from, to, false));
    }
    return ok;
  }

  /** The inquiry is still with this operator (forwarding or escalation may have moved it). */
  private boolean mine(Case c) {
    return member.id.equals(day.trail().holder(c.inquiryId));
  }

  private Answer act(Case c, String action) {
    Answer answer = day.api().act(member.id, c.inquiryId, action);
    if (!answer.ok()) {
      day.truth().count(action + " answered " + answer.status());
    }
    return answer;
  }
}
