package io.switchboard.notification.acknowledgement;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.ledger.Notification;
import io.switchboard.notification.ledger.NotificationLedger;
import io.switchboard.platform.privacy.Pii;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Acknowledges each new inquiry by e-mail, once: the ledger keeps a redelivered event from sending
 * again. Only a crash between the server taking the message and the SENT commit can send it twice,
 * and then with the same Message-ID, which mail services that deduplicate by it show once.
 */
@ApplicationScoped
public class AcknowledgementSender {
  private static final Logger LOG = Logger.getLogger(AcknowledgementSender.class);

  // Bounded so that a record is settled well inside the Kafka channel's 60 s unprocessed-record
  // limit: 3 attempts of at most 10 s, then the dead-letter topic.
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
  private static final int RETRIES = 2;

  private final NotificationLedger ledger;
  private final ReactiveMailer mailer;
  private final ZoneId customerTimeZone;

  public AcknowledgementSender(
      NotificationLedger ledger, ReactiveMailer mailer, NotificationConfig config) {
    this.ledger = ledger;
    this.mailer = mailer;
    this.customerTimeZone = config.customerTimeZone();
  }

  public Uni<Void> apply(InquiryEvent event) {
    if (event instanceof InquiryReceived received && wantsAcknowledgement(received)) {
      return acknowledge(new Delivery(received));
    }
    return Uni.createFrom().voidItem();
  }

  private static boolean wantsAcknowledgement(InquiryReceived received) {
    if (received.automatic()) {
      // Answering a bounce or an auto-reply starts a mail loop.
      LOG.infof("Inquiry %s was written by a machine: not acknowledged", received.inquiryId());
      return false;
    }
    if (emailOf(received) == null) {
      LOG.infof(
          "Inquiry %s has no e-mail address: not acknowledged (SMS is not available yet)",
          received.inquiryId());
      return false;
    }
    return true;
  }

  private Uni<Void> acknowledge(Delivery delivery) {
    Executor backToContext = ContextExecutor.current();
    return ledger
        .open(delivery.inquiry().eventId(), delivery.pending())
        .chain(
            status ->
                status == Notification.Status.SENT
                    ? alreadySent(delivery)
                    : sendAndRecord(delivery, backToContext));
  }

  private Uni<Void> sendAndRecord(Delivery delivery, Executor backToContext) {
    return send(delivery).emitOn(backToContext).chain(() -> recordSent(delivery));
  }

  private Uni<Void> send(Delivery delivery) {
    InquiryReceived inquiry = delivery.inquiry();
    AcknowledgementText text =
        AcknowledgementText.write(
            inquiry.customer().name(),
            inquiry.ticket(),
            inquiry.channel(),
            inquiry.language(),
            delivery.promisedBy(),
            customerTimeZone);
    Mail mail =
        Mail.withText(delivery.email(), text.subject(), text.body())
            .addHeader("Message-ID", messageId(delivery.notificationId()))
            // RFC 3834: autoresponders must not answer it, so no mail loop starts here.
            .addHeader("Auto-Submitted", "auto-replied")
            // Exchange ignores Auto-Submitted; this keeps its out-of-office replies away.
            .addHeader("X-Auto-Response-Suppress", "All");
    return mailer
        .send(mail)
        .ifNoItem()
        .after(SEND_TIMEOUT)
        .fail()
        .onFailure()
        .retry()
        .withBackOff(FIRST_RETRY_DELAY)
        .atMost(RETRIES)
        .onFailure()
        .transform(failure -> new AcknowledgementNotSent(delivery.notificationId(), failure));
  }

  private Uni<Void> recordSent(Delivery delivery) {
    AcknowledgementSent sent =
        new AcknowledgementSent(
            EventIds.next(),
            delivery.inquiry().inquiryId(),
            Instant.now(),
            AcknowledgementSent.SCHEMA_VERSION,
            delivery.notificationId(),
            Channel.EMAIL,
            Pii.email(delivery.email()),
            delivery.promisedBy());
    LOG.infof(
        "Acknowledgement %s sent to %s, reply promised by %s",
        delivery.notificationId(), sent.recipient(), sent.promisedBy());
    return ledger.markSent(delivery.notificationId(), sent);
  }

  private static Uni<Void> alreadySent(Delivery delivery) {
    LOG.debugf("Acknowledgement %s was already sent, skipped", delivery.notificationId());
    return Uni.createFrom().voidItem();
  }

  // RFC 5322 allows no colon left of the @ of a Message-ID, so the ledger id's colons become dots.
  static String messageId(String notificationId) {
    return "<" + notificationId.replace(':', '.') + "@switchboard>";
  }

  private static String emailOf(InquiryReceived received) {
    String email = received.customer() == null ? null : received.customer().email();
    return email == null || email.isBlank() ? null : email;
  }

  /** One acknowledgement: the inquiry, where it goes and what it promises. */
  private record Delivery(InquiryReceived inquiry, String email, Instant promisedBy) {
    Delivery(InquiryReceived inquiry) {
      this(
          inquiry,
          emailOf(inquiry),
          FirstResponseTargets.promisedBy(inquiry.channel(), inquiry.occurredAt()));
    }

    String notificationId() {
      return Notification.acknowledgementId(inquiry.inquiryId());
    }

    Notification pending() {
      return Notification.pendingAcknowledgement(
          inquiry.inquiryId(), Channel.EMAIL, Pii.email(email));
    }
  }
}
