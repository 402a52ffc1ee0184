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
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

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
    // No ClockStarted came: no time is promised, in the mail or in the event.
    assertThat(sent.promisedBy()).isNull();
    assertThat((String) mail.getContent()).contains("Мы ответим как можно скорее.");
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
  void issue13TheWorkingDayFormIsToldTheInHoursWordingAndAMoscowTime() throws Exception {
    // As in the defect (a web form on a Tuesday at 11:19 Moscow time): sla-service's office
    // calendar is open, promises an hour later and names its zone; nothing of notification's own.
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .customer("Анна", email, null)
            .text("Оплата", "Не проходит оплата", "ru")
            .build();
    Instant dueAt = received.occurredAt().plus(Duration.ofHours(1));
    kafka.publish(clockStarted(received, dueAt, false));
    kafka.publish(received);

    String body = ((String) awaitMailTo(email).getContent()).replace("\r\n", "\n");

    assertThat(body)
        .contains("Мы рассчитываем ответить до " + moscowTime(dueAt))
        .contains("(МСК).")
        .doesNotContain("нерабочее");
    assertThat(
            kafka
                .awaitEvent(
                    AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()))
                .promisedBy())
        .isEqualTo(dueAt);
  }

  @Test
  void offHoursWordingComesFromSlaService() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    Instant nextMorning =
        received
            .occurredAt()
            .atZone(MOSCOW)
            .toLocalDate()
            .plusDays(1)
            .atTime(9, 0)
            .atZone(MOSCOW)
            .toInstant();
    kafka.publish(clockStarted(received, nextMorning, true));
    kafka.publish(received);

    assertThat(((String) awaitMailTo(email).getContent()).replace("\r\n", "\n"))
        .contains("Our team is off work right now. We will reply by 09:00")
        .contains("(Moscow time), when we are back.");
  }

  @Test
  void whicheverComesSecondMakesTheAcknowledgementDue() throws Exception {
    // Received "in an hour": waiting for the due time would hold the acknowledgement that long,
    // so only the arrival of the second event can make it go within the test.
    String first = uniqueEmail();
    String second = uniqueEmail();
    // PostgreSQL keeps microseconds.
    Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
    InquiryReceived inquiryFirst =
        EventFixtures.inquiryReceived().customer("Anna", first, null).occurredAt(later).build();
    InquiryReceived clockFirst =
        EventFixtures.inquiryReceived().customer("Anna", second, null).occurredAt(later).build();
    Instant dueAt = later.plus(Duration.ofHours(1));

    var written = kafka.publish(inquiryFirst);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), written);
    assertThat(ledgerStatus(inquiryFirst)).isEqualTo("PENDING");
    kafka.publish(clockStarted(inquiryFirst, dueAt, false));
    var clock = kafka.publish(clockStarted(clockFirst, dueAt, false));
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.SLA_EVENTS), clock);
    kafka.publish(clockFirst);

    assertThat(awaitMailTo(first).getContent().toString()).contains("(Moscow time)");
    assertThat(
            kafka
                .awaitEvent(
                    AcknowledgementSent.class, e -> e.inquiryId().equals(clockFirst.inquiryId()))
                .promisedBy())
        .isEqualTo(dueAt);
    assertThat(mailTo(second)).hasSize(1);
  }

  @Test
  void withoutTheDueTimeTheAcknowledgementPromisesNoTime() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived().customer("Anna", email, null).build();

    kafka.publish(received);

    AcknowledgementSent sent =
        kafka.awaitEvent(
            AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(sent.promisedBy()).isNull();
    assertThat((String) awaitMailTo(email).getContent())
        .contains("We will answer as soon as we can.")
        .doesNotContain("reply by");
  }

  @Test
  void aBounceOfOurAcknowledgementMarksItFailedOnceAndIsNotAcknowledged() throws Exception {
    String email = uniqueEmail();
    InquiryReceived received =
        EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    kafka.publish(received);
    MimeMessage ours = awaitMailTo(email);
    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    String daemon =
        "mailer-daemon." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    InquiryReceived bounce = bounce(daemon, ours.getHeader("Message-ID")[0]);
    InquiryReceived secondReport = bounce(daemon, ours.getHeader("Message-ID")[0]);

    kafka.publish(bounce);
    DeliveryFailed failed =
        kafka.awaitEvent(DeliveryFailed.class, e -> e.inquiryId().equals(received.inquiryId()));
    kafka.publish(bounce);
    var last = kafka.publish(secondReport);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), last);

    assertThat(failed.notificationId()).isEqualTo(received.inquiryId() + ":ack:0");
    assertThat(failed.kind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
    assertThat(failed.reason()).contains("bounced", bounce.ticket());
    assertThat(ledgerStatus(received)).isEqualTo("FAILED");
    assertThat(
            kafka.eventsSoFar(
                DeliveryFailed.class, e -> e.inquiryId().equals(received.inquiryId())))
        .hasSize(1);
    assertThat(mailTo(daemon)).isEmpty();
    assertThat(notificationsOf(bounce)).isEqualTo("0");
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
  void aCustomerLearnsEveryTicketUpToTheLoopGuardsLimitWithinTheWindow() throws Exception {
    // acknowledgements-per-window is 3 by default: a customer writing about three things in a row
    // learns three tickets; a fourth within the window looks like a mail loop.
    String email = uniqueEmail();
    List<InquiryReceived> inquiries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      InquiryReceived inquiry =
          EventFixtures.inquiryReceived().customer("Anna", email, null).build();
      inquiries.add(inquiry);
      kafka.publish(inquiry);
      kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(inquiry.inquiryId()));
    }
    InquiryReceived fourth = EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    var written = kafka.publish(fourth);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), written);

    assertThat(mailTo(email)).hasSize(3);
    assertThat(
            queryString(
                "select status from notification.notification where inquiry_id = ?::uuid", fourth))
        .isEqualTo("SUPPRESSED");
    assertThat(
            kafka.eventsSoFar(
                AcknowledgementSent.class, e -> e.inquiryId().equals(fourth.inquiryId())))
        .isEmpty();
  }

  @Test
  void eachConsumerDeadLettersAPoisonRecordAndAppliesTheGoodOneAfterIt() throws Exception {
    // Platform's consumer reads all three topics: what can never be read goes to the consumer's
    // own dead-letter topic with its reason, and the good record after it is applied.
    for (String topic : List.of(Topics.SLA_EVENTS, Topics.INQUIRIES_LIFECYCLE)) {
      String key = UUID.randomUUID().toString();
      kafka.publishRaw(
          kafka.topic(topic),
          key,
          "{\"eventId\": 42}",
          Map.of(CloudEvents.TYPE, "switchboard.sla.clock-started"));
      var dead =
          kafka.awaitRecord(
              kafka.topic(Topics.deadLetter(topic, "notification")), r -> key.equals(r.key()));
      assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isNotBlank();
    }
    String email = uniqueEmail();
    InquiryReceived good = EventFixtures.inquiryReceived().customer("Anna", email, null).build();
    kafka.publish(clockStarted(good, good.occurredAt().plus(Duration.ofHours(1)), false));
    var goodWritten = kafka.publish(good);

    awaitMailTo(email);
    kafka.awaitConsumed("notification-service", kafka.topic(Topics.INQUIRIES_INBOUND), goodWritten);
    for (String topic : List.of(Topics.INQUIRIES_INBOUND, Topics.SLA_EVENTS)) {
      assertThat(kafka.recordsSoFar(kafka.topic(Topics.deadLetter(topic, "notification"))))
          .noneMatch(r -> good.inquiryId().equals(r.key()));
    }
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

  private static ClockStarted clockStarted(
      InquiryReceived received, Instant dueAt, boolean offHours) {
    return new ClockStarted(
        EventIds.next(),
        received.inquiryId(),
        Instant.now(),
        ClockStarted.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        received.channel(),
        received.occurredAt(),
        dueAt,
        3600,
        true,
        "Europe/Moscow",
        offHours);
  }

  private static InquiryReceived bounce(String daemon, String messageId) {
    InquiryReceived base =
        TestInquiries.from(
            Channel.EMAIL,
            new Customer(null, "Mail Delivery System", daemon, null),
            "en",
            new ReplyAddress(Channel.EMAIL, daemon, null));
    return new InquiryReceived(
        base.eventId(),
        base.inquiryId(),
        base.occurredAt(),
        base.schemaVersion(),
        base.ticket(),
        base.channel(),
        base.customer(),
        "Undelivered Mail Returned to Sender",
        "550 5.1.1 user unknown",
        "en",
        base.sourceMessageId(),
        true,
        base.kind(),
        false,
        List.of(),
        base.replyAddress(),
        messageId);
  }

  private static String moscowTime(Instant at) {
    return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(MOSCOW));
  }

  private String ledgerStatus(InquiryReceived received) throws SQLException {
    return queryString(
        "select status from notification.notification where inquiry_id = ?::uuid", received);
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
