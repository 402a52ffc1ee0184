package io.switchboard.devstack.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator itself did and saw, independent of the system's account: every inquiry it
 * sent, when each operator answered it and how, what each customer was promised and received. Times
 * are windows: {@code from} is when the request left, {@code to} when its answer came, and the
 * system's own moment lies between.
 */
final class GroundTruth {
  /** An answer an operator gave: through a channel ({@code EMAIL}, {@code CHAT}) or the API. */
  record Answer(String operator, String how, Instant from, Instant to, boolean first) {}

  /** One inquiry the simulator sent. */
  static final class Case {
    final PlannedArrival arrival;
    String inquiryId;
    String ticket;
    Instant sentFrom;
    Instant sentTo;
    int status;
    String refusal;

    /** Where the customer's own message can be replied to: a Message-ID or a chat session. */
    String threadRef;

    /** The medium the acknowledgement should take, null when the customer gave no address. */
    String ackMedium;

    final List<Answer> answers = new ArrayList<>();
    final List<String> acceptedBy = new ArrayList<>();
    final List<String> declinedBy = new ArrayList<>();
    String forgottenBy;
    Instant resolvedAt;
    String resolvedBy;
    final List<Instant> customerWrites = new ArrayList<>();
    boolean detailsAsked;
    Instant ackMailAt;
    String ackMailText;
    String ackMailId;
    Instant csatMailAt;
    String csatToken;
    Integer rated;
    Instant bouncedAt;

    Case(PlannedArrival arrival) {
      this.arrival = arrival;
    }

    PlannedArrival arrival() {
      return arrival;
    }

    boolean accepted() {
      return inquiryId != null;
    }

    boolean automatic() {
      return arrival.kind().automatic();
    }

    synchronized Answer firstAnswer() {
      return answers.isEmpty() ? null : answers.getFirst();
    }

    String label() {
      return arrival.label() + (ticket == null ? "" : " " + ticket);
    }
  }

  private final Map<String, Case> byInquiry = new LinkedHashMap<>();
  private final List<Case> cases = new ArrayList<>();
  private final Map<String, Integer> actions = new TreeMap<>();
  private final List<String> refused = new ArrayList<>();
  private volatile java.util.function.Consumer<Case> listener = c -> {};

  synchronized Case open(PlannedArrival arrival) {
    Case c = new Case(arrival);
    cases.add(c);
    return c;
  }

  /** Who wants to know an inquiry's id as soon as the simulator has it (the operators). */
  void onAccepted(java.util.function.Consumer<Case> listener) {
    this.listener = listener;
  }

  void accepted(Case c, IngestDoor.Delivery delivery) {
    synchronized (this) {
      c.status = delivery.status();
      c.sentFrom = delivery.requestedAt();
      c.sentTo = delivery.answeredAt();
      if (!delivery.accepted()) {
        c.refusal = delivery.status() + " " + delivery.problem();
        return;
      }
      c.inquiryId = delivery.inquiryId();
      c.ticket = delivery.ticket();
      byInquiry.put(c.inquiryId, c);
    }
    listener.accept(c);
  }

  synchronized Case byInquiry(String inquiryId) {
    return inquiryId == null ? null : byInquiry.get(inquiryId);
  }

  synchronized void answered(Case c, Answer answer) {
    boolean first = c.answers.isEmpty();
    c.answers.add(new Answer(answer.operator(), answer.how(), answer.from(), answer.to(), first));
  }

  /** Counts an action the simulator took, e.g. {@code operator reply by EMAIL}. */
  synchronized void count(String action) {
    actions.merge(action, 1, Integer::sum);
  }

  /** A valid message of a conversation (a follow-up, an operator's answer) a channel refused. */
  synchronized void refused(String what) {
    refused.add(what);
  }

  synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  synchronized Map<String, Integer> actions() {
    return new TreeMap<>(actions);
  }

  synchronized Collection<Case> cases() {
    return List.copyOf(cases);
  }
}
