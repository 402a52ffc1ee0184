package io.switchboard.notification.delivery.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.delivery.Sender;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * E-mail through the Quarkus mailer. A crash between the server taking a message and the ledger's
 * SENT commit resends it with the same Message-ID, which mail services that deduplicate by it show
 * once.
 */
@ApplicationScoped
public class EmailSender implements Sender {
  private final ReactiveMailer mailer;
  private final String replyAddress;

  public EmailSender(ReactiveMailer mailer, NotificationConfig config) {
    this.mailer = mailer;
    this.replyAddress = config.email().replyAddress();
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.EMAIL;
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Uni<Void> send(OutgoingMessage message) {
    Mail mail =
        Mail.withText(message.address(), message.subject(), message.text())
            .setReplyTo(MailHeaders.withToken(replyAddress, message.ticket()))
            .addHeader("Message-ID", MailHeaders.messageId(message.notificationId()))
            // RFC 3834: autoresponders must not answer it, so no mail loop starts here.
            .addHeader("Auto-Submitted", "auto-replied")
            // Exchange ignores Auto-Submitted; this keeps its out-of-office replies away.
            .addHeader("X-Auto-Response-Suppress", "All");
    String inReplyTo = MailHeaders.bracketed(message.threadRef());
    if (inReplyTo != null) {
      mail.addHeader("In-Reply-To", inReplyTo).addHeader("References", inReplyTo);
    }
    return mailer.send(mail);
  }
}
