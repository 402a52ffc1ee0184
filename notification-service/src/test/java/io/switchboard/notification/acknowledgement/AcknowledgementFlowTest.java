package io.switchboard.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.contracts.Topics;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.TestInquiries;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** notification-service on the real broker and database, sending to a real SMTP server. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class AcknowledgementFlowTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void customerIsAcknowledgedInTheirLanguage() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .customer("Анна Петрова", email, null)
            .text("Не работает оплата", "Списали деньги, заказ не оформлен", "ru")
            .build();

    kafka.publish(received);

    MimeMessage mail = awaitMailTo(email);
    assertThat(mail.getSubject()).contains(received.ticket()).contains("Мы получили");
    assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
        .startsWith("Здравствуйте, Анна Петрова!")
        .contains("под номером " + received.ticket());
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-replied");
    assertThat(mail.getHeader("Message-ID"))
        .containsExactly("<" + received.inquiryId() + ".ack.0@switchboard>");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress())
        .isEqualTo("support@switchboard.local");

    AcknowledgementSent sent =
        kafka.awaitEvent(
            AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(sent.notificationId()).isEqualTo(received.inquiryId() + ":ack:0");
    assertThat(sent.recipient()).isEqualTo("a***@example.com");
    assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
    assertThat(sent.promisedBy()).isEqualTo(received.occurredAt().plus(Duration.ofHours(1)));
    assertThat(
            queryString(
                "select status || ' ' || recipient from notification.notification"
                    + " where inquiry_id = ?::uuid",
                received))
        .isEqualTo("SENT a***@example.com");
  }

  @Test
  void redeliveredEventSendsNoSecondMail() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received = EventFixtures.inquiryReceived().customer("Bob", email, null).build();
    kafka.publish(received);
    MimeMessage mail = awaitMailTo(email);
    assertThat(mail.getSubject()).isEqualTo("[" + received.ticket() + "] We received your inquiry");
    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));

    var duplicate = kafka.publish(received);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), duplicate);

    assertThat(mailTo(email)).hasSize(1);
    assertThat(
            kafka.eventsSoFar(
                AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId())))
        .hasSize(1);
    assertThat(
            queryString(
                "select count(*)::text from notification.notification where inquiry_id = ?::uuid",
                received))
        .isEqualTo("1");
  }

  @Test
  void machineWrittenMailIsNeverAcknowledged() throws Exception {
    String email = uniqueEmail();
    InquiryReceived bounce =
        EventFixtures.inquiryReceived().customer(null, email, null).automatic(true).build();

    var written = kafka.publish(bounce);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), written);

    assertThat(mailTo(email)).isEmpty();
    assertThat(notificationsOf(bounce)).isEqualTo("0");
  }

  @Test
  void theHonestDueTimeFromSlaServiceIsPromised() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    // 10:00 UTC tomorrow: the service phrases times in UTC unless configured otherwise.
    Instant dueAt =
        received
            .occurredAt()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atTime(10, 0)
            .toInstant(ZoneOffset.UTC);
    kafka.publish(
        new ClockStarted(
            EventIds.next(),
            received.inquiryId(),
            Instant.now(),
            ClockStarted.SCHEMA_VERSION,
            ClockKind.FIRST_RESPONSE,
            received.channel(),
            received.occurredAt(),
            dueAt,
            Duration.between(received.occurredAt(), dueAt).toSeconds(),
            true,
            "Europe/Moscow",
            false));
    kafka.publish(received);

    AcknowledgementSent sent =
        kafka.awaitEvent(
            AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(sent.promisedBy()).isEqualTo(dueAt);
    String weekday =
        dueAt.atZone(ZoneOffset.UTC).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    // Inside or outside business hours (the wall clock decides) the promise names the same time.
    assertThat((String) awaitMailTo(email).getContent())
        .contains("reply by 10:00 tomorrow, " + weekday);
  }

  @Test
  void theAcknowledgementIsNotHeldHostageToSlaService() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived().customer("Anna", email, null).build();

    kafka.publish(received);

    AcknowledgementSent sent =
        kafka.awaitEvent(
            AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(sent.promisedBy()).isEqualTo(received.occurredAt().plus(Duration.ofHours(1)));
    // The wait for the due time is 3 s by default; the rest is consumer lag and SMTP.
    assertThat(Duration.between(received.occurredAt(), sent.occurredAt()))
        .isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void anEmailIsAnsweredInItsThreadWithTheInquiryTokenInTheReplyAddress() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        TestInquiries.from(
            Channel.EMAIL,
            new Customer(null, "Anna", email, null),
            "en",
            new ReplyAddress(Channel.EMAIL, email, "<CAF1x2@mail.example.com>"));

    kafka.publish(received);

    MimeMessage mail = awaitMailTo(email);
    assertThat(mail.getHeader("In-Reply-To")).containsExactly("<CAF1x2@mail.example.com>");
    assertThat(mail.getHeader("References")).containsExactly("<CAF1x2@mail.example.com>");
    assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress())
        .isEqualTo("support+" + received.ticket() + "@switchboard.local");
    assertThat(((String) mail.getContent())).contains("Thank you for your e-mail.");
  }

  @Test
  void aCustomerIsAcknowledgedOnlyOnceWithinTheWindow() throws Exception {
    String email = uniqueEmail();
    InquiryReceived first = EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    InquiryReceived second = EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    kafka.publish(first);
    awaitMailTo(email);

    var written = kafka.publish(second);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), written);

    assertThat(mailTo(email)).hasSize(1);
    assertThat(
            queryString(
                "select status from notification.notification where inquiry_id = ?::uuid", second))
        .isEqualTo("SUPPRESSED");
    assertThat(
            kafka.eventsSoFar(
                AcknowledgementSent.class, e -> e.inquiryId().equals(second.inquiryId())))
        .isEmpty();
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicWithItsReason() {
    String key = UUID.randomUUID().toString();
    kafka.publishRaw(
        kafka.topic(Topics.INQUIRIES_INBOUND),
        key,
        "{\"this is\": \"not an inquiry\"}",
        Map.of(CloudEvents.TYPE, "switchboard.inquiry.received"));

    var dead =
        kafka.awaitRecord(
            kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "notification")),
            r -> key.equals(r.key()));
    assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("lacks");
  }

  private static String uniqueEmail() {
    return "anna." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static MimeMessage awaitMailTo(String address) {
    return Awaitility.await("an e-mail to " + address)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> mailTo(address), mails -> !mails.isEmpty())
        .getFirst();
  }

  private static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
        .filter(mail -> isAddressedTo(mail, address))
        .toList();
  }

  private static boolean isAddressedTo(MimeMessage mail, String address) {
    try {
      Address[] recipients = mail.getAllRecipients();
      return recipients != null
          && Arrays.stream(recipients)
              .anyMatch(r -> address.equalsIgnoreCase(((InternetAddress) r).getAddress()));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String notificationsOf(InquiryReceived received) throws SQLException {
    return queryString(
        "select count(*)::text from notification.notification where inquiry_id = ?::uuid",
        received);
  }

  private String queryString(String sql, InquiryReceived received) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, received.inquiryId());
      ResultSet rows = statement.executeQuery();
      return rows.next() ? rows.getString(1) : null;
    }
  }
}
