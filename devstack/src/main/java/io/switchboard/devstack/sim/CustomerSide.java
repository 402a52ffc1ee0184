package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.IngestDoor.Delivery;
import io.switchboard.devstack.sim.MailComposer.Encoding;
import io.switchboard.devstack.sim.PlannedArrival.Kind;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The customers of the day: they write on their channel, ask again when nobody answers, send the
 * details an operator asks for, rate through the link of the rating e-mail, and their mail servers
 * return mail sent to addresses that do not exist.
 */
final class CustomerSide {
  private static final double NUDGE = 0.15;
  private static final double SENDS_DETAILS = 0.7;
  private static final double RATES = 0.65;

  /** A bounce is numbered after the arrival whose acknowledgement it returns: #10007 for #7. */
  private static final int BOUNCE_SEQ = 10_000;

  private final DayContext day;
  private final AtomicInteger followUps = new AtomicInteger();

  CustomerSide(DayContext day) {
    this.day = day;
  }

  /** Sends the arrival through its channel and, now and then, plans a nudge. */
  void arrive(PlannedArrival arrival) {
    Case c = day.truth().open(arrival);
    Delivery delivery = first(arrival, c);
    day.truth().accepted(c, delivery);
    day.truth()
        .count(
            "sent "
                + arrival.channel()
                + (arrival.kind().automatic() ? " (automatic: " + arrival.kind() + ")" : ""));
    if (!delivery.accepted() || arrival.kind().automatic()) {
      return;
    }
    SplittableRandom dice = day.dice(arrival.seq(), "nudge");
    if (dice.nextDouble() < NUDGE) {
      var wait =
          switch (arrival.channel()) {
            case CHAT -> DayContext.between(dice, 180, 360);
            case TELEGRAM, PHONE -> DayContext.between(dice, 600, 1200);
            case EMAIL, WEB_FORM -> DayContext.between(dice, 1800, 3600);
          };
      day.scheduler().after(wait, () -> nudge(c));
    }
  }

  private Delivery first(PlannedArrival a, Case c) {
    SimCustomer who = a.customer();
    String key = "sim-" + day.run() + "-" + a.seq();
    return switch (a.channel()) {
      case EMAIL -> {
        String messageId = "<" + key + "@mail.example.com>";
        c.threadRef = messageId;
        byte[] raw =
            switch (a.kind()) {
              case AUTO_REPLY ->
                  MailComposer.autoReply(who, day.options().supportAddress(), messageId);
              case NEWSLETTER ->
                  MailComposer.newsletter(who, day.options().supportAddress(), messageId);
              default ->
                  MailComposer.customerMail(
                      who,
                      day.options().supportAddress(),
                      a.text().subject(),
                      a.text().body(),
                      messageId,
                      encoding(a));
            };
        c.ackMedium = a.kind().automatic() ? null : "EMAIL";
        yield day.door().email(raw);
      }
      case WEB_FORM -> {
        c.ackMedium = who.email() != null ? "EMAIL" : "SMS";
        yield day.door().webForm(key, who, a.text().subject(), a.text().body());
      }
      case CHAT -> {
        c.threadRef = key;
        c.ackMedium = "CHAT";
        yield day.door().chat(key, "m1", null, who, a.text().body());
      }
      case PHONE -> {
        c.ackMedium = "SMS";
        boolean voicemail = a.kind() == Kind.VOICEMAIL;
        yield day.door()
            .call(
                key + "-call1",
                voicemail ? "voicemail" : "missed",
                who.phone(),
                15 + a.seq() % 45,
                voicemail ? Phrasebook.voicemail(who.russian()) : null);
      }
      case TELEGRAM -> {
        c.ackMedium = "TELEGRAM";
        yield day.door().telegram(updateId(a, 1), 1, who, a.text().body());
      }
    };
  }

  /** Russian mail programs still send windows-1251 and KOI8-R; some send HTML only. */
  private Encoding encoding(PlannedArrival a) {
    if (!a.customer().russian()) {
      return a.seq() % 5 == 0 ? Encoding.HTML_ONLY : Encoding.UTF8_PLAIN;
    }
    return switch (a.seq() % 7) {
      case 1 -> Encoding.WINDOWS_1251;
      case 3 -> Encoding.KOI8_R;
      case 5 -> Encoding.HTML_ONLY;
      default -> Encoding.UTF8_PLAIN;
    };
  }

  /** Nobody has answered yet: the customer asks again in the same conversation. */
  private void nudge(Case c) {
    if (c.firstAnswer() != null) {
      return;
    }
    writeAgain(c, Phrasebook.nudge(c.arrival().customer().russian()), "nudge");
  }

  /** The operator asked for details; most customers send them after a while. */
  void detailsAsked(Case c) {
    SplittableRandom dice = day.dice(c.arrival().seq(), "details");
    if (dice.nextDouble() >= SENDS_DETAILS) {
      return;
    }
    day.scheduler()
        .after(
            DayContext.between(dice, 180, 900),
            () ->
                writeAgain(
                    c,
                    Phrasebook.details(c.arrival().customer().russian(), c.arrival().order()),
                    "details"));
  }

  /** Whether the customer can write again in the inquiry's own conversation. */
  static boolean canWriteAgain(Case c) {
    return switch (c.arrival().channel()) {
      case EMAIL, CHAT, TELEGRAM, PHONE -> true;
      case WEB_FORM -> c.arrival().customer().email() != null;
    };
  }

  private void writeAgain(Case c, String text, String why) {
    PlannedArrival a = c.arrival();
    SimCustomer who = a.customer();
    int n = followUps.incrementAndGet();
    String key = "sim-" + day.run() + "-" + a.seq() + "-f" + n;
    Delivery delivery =
        switch (a.channel()) {
          case EMAIL ->
              day.door()
                  .email(
                      MailComposer.customerReply(
                          who,
                          day.options().supportAddress(),
                          c.ticket,
                          a.text().subject(),
                          c.threadRef,
                          text,
                          "<" + key + "@mail.example.com>"));
          case WEB_FORM ->
              day.door()
                  .email(
                      MailComposer.customerReply(
                          who,
                          day.options().supportAddress(),
                          c.ticket,
                          a.text().subject(),
                          c.ackMailId,
                          text,
                          "<" + key + "@mail.example.com>"));
          case CHAT -> day.door().chat(c.threadRef, "m" + (n + 1), null, who, text);
          case TELEGRAM -> day.door().telegram(updateId(a, n + 1), n + 1, who, text);
          case PHONE -> day.door().call(key + "-call", "missed", who.phone(), 20, null);
        };
    if (delivery.accepted()) {
      synchronized (c) {
        c.customerWrites.add(delivery.requestedAt());
      }
      day.truth()
          .count(
              "customer "
                  + why
                  + " on "
                  + (a.channel() == SimChannel.WEB_FORM ? "EMAIL" : a.channel()));
    } else {
      day.truth().count("customer " + why + " refused: " + delivery.status());
      day.truth()
          .refused(
              c.label()
                  + " customer "
                  + why
                  + " on "
                  + a.channel()
                  + ": "
                  + delivery.status()
                  + " "
                  + delivery.problem());
    }
  }

  /** The acknowledgement reached the customer's mailbox; a bad address returns it. */
  void acknowledgementMailed(Case c, String messageId, String subject) {
    if (!c.arrival().customer().badAddress() || c.bouncedAt != null) {
      return;
    }
    c.bouncedAt = Instant.now();
    PlannedArrival original = c.arrival();
    PlannedArrival returned =
        new PlannedArrival(
            BOUNCE_SEQ + original.seq(),
            day.clock().simAt(Instant.now()),
            SimChannel.EMAIL,
            Kind.BOUNCE,
            original.matter(),
            original.customer(),
            false,
            new Phrasebook.Text("Undelivered Mail Returned to Sender", ""),
            original.order());
    day.scheduler()
        .after(
            java.time.Duration.ofMinutes(1),
            () -> {
              Case bounce = day.truth().open(returned);
              Delivery delivery =
                  day.door()
                      .email(
                          MailComposer.bounce(
                              day.options().supportAddress(),
                              original.customer().email(),
                              messageId,
                              subject,
                              "<sim-" + day.run() + "-" + original.seq() + "-dsn@mx.exampel.com>"));
              day.truth().accepted(bounce, delivery);
              day.truth().count("sent EMAIL (automatic: BOUNCE of an acknowledgement)");
            });
  }

  /** The rating e-mail came; most customers follow its link and rate. */
  void ratingRequested(Case c, String token) {
    SplittableRandom dice = day.dice(c.arrival().seq(), "rate");
    if (dice.nextDouble() >= RATES) {
      return;
    }
    int score = score(c, day.trail().promise(c.inquiryId), dice);
    day.scheduler()
        .after(
            DayContext.between(dice, 120, 1200),
            () -> {
              var answer = day.api().rate(c.inquiryId, token, score, null);
              if (answer.ok()) {
                c.rated = score;
                day.truth().count("rating given");
              } else {
                day.truth().count("rating refused: " + answer.status());
              }
            });
  }

  /** Kept promise: mostly 5; a late answer: 2 or 3. */
  private static int score(Case c, Instant promise, SplittableRandom dice) {
    var first = c.firstAnswer();
    boolean late = first == null || (promise != null && first.to().isAfter(promise));
    if (late) {
      return 2 + dice.nextInt(2);
    }
    return dice.nextDouble() < 0.8 ? 5 : 4;
  }

  private long updateId(PlannedArrival a, int n) {
    return Math.floorMod((long) day.run().hashCode(), 100_000L) * 1_000_000L + a.seq() * 100L + n;
  }
}
