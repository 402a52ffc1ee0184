package io.switchboard.e2e.fault;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.devstack.Ports;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The customers' mail provider: GreenMail on a fixed port that can go down (connection refused) and
 * come back. GreenMail starts an empty store when stopped, so the old store's messages are copied
 * out: the count per inquiry covers the whole run.
 */
final class SmtpProvider implements AutoCloseable {
  private final int port = Ports.free();
  private final List<ProviderMessage> fromEarlierRuns = new ArrayList<>();
  private GreenMail server;

  SmtpProvider() {
    up();
  }

  int port() {
    return port;
  }

  synchronized void up() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  synchronized void down() {
    if (server != null) {
      // Read after the stop, from the store the stop detaches: a message taken while stopping
      // (told 250, so SENT in the ledger) would otherwise be missing from the count.
      Managers store = server.getManagers();
      server.stop();
      server = null;
      fromEarlierRuns.addAll(
          parse(
              store.getImapHostManager().getAllMessages().stream()
                  .map(StoredMessage::getMimeMessage)
                  .toArray(MimeMessage[]::new)));
    }
  }

  /** Every message taken since the suite started, in no particular order. */
  synchronized List<ProviderMessage> received() {
    List<ProviderMessage> all = new ArrayList<>(fromEarlierRuns);
    if (server != null) {
      all.addAll(parse(server.getReceivedMessages()));
    }
    return all;
  }

  private static List<ProviderMessage> parse(MimeMessage[] messages) {
    List<ProviderMessage> parsed = new ArrayList<>(messages.length);
    for (MimeMessage message : messages) {
      try {
        String ticket = ProviderMessage.ticketIn(message.getSubject());
        if (ticket == null && message.getContent() instanceof String body) {
          ticket = ProviderMessage.ticketIn(body);
        }
        parsed.add(new ProviderMessage("smtp", notificationId(message), ticket));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("unreadable mail in the SMTP provider", e);
      }
    }
    return parsed;
  }

  /** notification-service writes {@code <inquiry>:ack:0} as {@code <inquiry.ack.0@switchboard>}. */
  private static String notificationId(MimeMessage message) throws MessagingException {
    String[] ids = message.getHeader("Message-ID");
    if (ids == null || ids.length == 0) {
      return "(no Message-ID)";
    }
    String id = ids[0].strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1);
    }
    int at = id.indexOf('@');
    return (at < 0 ? id : id.substring(0, at)).replace('.', ':');
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
