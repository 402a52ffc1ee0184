package io.switchboard.ingest.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.ingest.channel.Samples;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The IMAP poller against GreenMail's real IMAP server, on the real broker and database. */
@QuarkusTest
@TestProfile(ImapPollerTest.WithMailbox.class)
class ImapPollerTest {
  static final String USER = "support";
  static final String PASSWORD = "secret";

  public static class Mailbox implements QuarkusTestResourceLifecycleManager {
    static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
      greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
      greenMail.start();
      greenMail.setUser("support@switchboard.local", USER, PASSWORD);
      return Map.of(
          "ingest.imap.enabled", "true",
          "ingest.imap.host", "127.0.0.1",
          "ingest.imap.port", String.valueOf(greenMail.getImap().getPort()),
          "ingest.imap.protocol", "imap",
          "ingest.imap.user", USER,
          "ingest.imap.password", PASSWORD,
          "ingest.imap.poll-interval", "1s");
    }

    @Override
    public void stop() {
      if (greenMail != null) {
        greenMail.stop();
      }
    }
  }

  public static class WithMailbox implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(SwitchboardTestResource.class),
          new TestResourceEntry(Mailbox.class));
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  private static void deliver(byte[] raw) throws Exception {
    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    Mailbox.greenMail.getUserManager().getUserByEmail("support@switchboard.local").deliver(message);
  }

  private static int unseen() throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", Mailbox.greenMail.getImap().getPort(), USER, PASSWORD);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
      } finally {
        inbox.close(false);
      }
    }
  }

  @Test
  void unseenMailBecomesInquiriesAndIsMarkedSeen() throws Exception {
    deliver(Samples.bytes("email/koi8r-html-only.eml"));
    deliver(
        "From: nobody\r\nSubject: no sender\r\nMessage-ID: <bad.1@example.org>\r\n\r\nhi\r\n"
            .getBytes(StandardCharsets.US_ASCII));

    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      InquiryReceived event =
          kafka.awaitEvent(
              InquiryReceived.class, e -> "koi8r.5512@example.org".equals(e.sourceMessageId()));
      assertThat(event.channel()).isEqualTo(Channel.EMAIL);
      assertThat(event.customer().email()).isEqualTo("olga@example.org");
      assertThat(event.subject()).isEqualTo("Не приходит SMS");
    }
    // The refused message is marked seen too, so that it is not read again at every poll.
    Awaitility.await().atMost(KafkaTestClient.DEFAULT_WAIT).until(() -> unseen() == 0);
  }
}
