package io.switchboard.ingest.channel.email;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.metrics.IngestMetrics;
import io.switchboard.ingest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Polls an IMAP mailbox for unseen mail and takes each message in like a pushed one. A message is
 * marked seen once the broker acknowledged it or it was refused for good; when the broker is down
 * it stays unseen and the next poll tries again (the Message-ID keeps that idempotent).
 */
@ApplicationScoped
public class ImapPoller {
  private static final Logger LOG = Logger.getLogger(ImapPoller.class);

  private final IngestConfig.Imap config;
  private final EmailIntake emails;
  private final IngestMetrics metrics;

  public ImapPoller(IngestConfig config, EmailIntake emails, IngestMetrics metrics) {
    this.config = config.imap();
    this.emails = emails;
    this.metrics = metrics;
  }

  /** Skips every poll while no mailbox is configured. */
  @ApplicationScoped
  public static class Disabled implements Scheduled.SkipPredicate {
    private final IngestConfig config;

    public Disabled(IngestConfig config) {
      this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
      return !config.imap().enabled() || config.imap().host().isEmpty();
    }
  }

  @Scheduled(
      identity = "imap-poller",
      every = "${ingest.imap.poll-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Disabled.class)
  void poll() {
    String protocol = config.protocol();
    Properties properties = new Properties();
    // Reading a message must not mark it seen: only a taken-in message is marked.
    properties.put("mail." + protocol + ".peek", "true");
    properties.put("mail." + protocol + ".connectiontimeout", "10000");
    properties.put("mail." + protocol + ".timeout", "30000");
    Session session = Session.getInstance(properties);
    try (Store store = session.getStore(protocol)) {
      store.connect(
          config.host().orElseThrow(),
          config.port(),
          config.user().orElse(null),
          config.password().orElse(null));
      Folder folder = store.getFolder(config.folder());
      folder.open(Folder.READ_WRITE);
      try {
        for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          if (takeIn(raw(message))) {
            message.setFlag(Flags.Flag.SEEN, true);
          }
        }
      } finally {
        folder.close(false);
      }
    } catch (MessagingException | IOException e) {
      LOG.warnf("IMAP poll of %s failed: %s", config.host().orElse("?"), e.toString());
    }
  }

  private static byte[] raw(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }

  /**
   * @return true when the message is done with (taken in, or refused for good)
   */
  private boolean takeIn(byte[] raw) {
    try {
      // The intake needs a Vert.x context (reactive database session); a scheduled poll has none.
      VertxContextSupport.subscribeAndAwait(
          () -> Uni.createFrom().deferred(() -> emails.receive(raw, System.nanoTime())));
      return true;
    } catch (Throwable e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof ProblemException problem && problem.status() < 500) {
        metrics.rejected(Channel.EMAIL.name(), problem.reason());
        LOG.warnf("Mail from the mailbox refused (%s): %s", problem.reason(), problem.getMessage());
        return true;
      }
      LOG.warnf("Mail from the mailbox not taken in, retried next poll: %s", cause.toString());
      return false;
    }
  }
}
