package io.switchboard.notification.csat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CsatReceived;
import io.switchboard.contracts.CustomerNotified;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.Priority;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.QuarkusTestBase;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Resolution notice, rating request and the rating coming back, end to end in this service. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class ResolutionAndCsatTest extends QuarkusTestBase {
  private static final String CSAT = "switchboard_notification_csat_score";

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  private static final Pattern LINK = Pattern.compile("http://\\S+/csat/(\\S+)\\?token=(\\S+)");

  @Test
  void aResolvedInquiryIsToldThenRatedAndTheRatingIsPublished() throws Exception {
    PrometheusScrape before = scrape();
    String email = "rate." + uniqueId() + "@example.com";
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .customer("Анна", email, null)
            .text("Оплата", "Не проходит оплата", "ru")
            .build();
    kafka.publish(received);
    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    kafka.publish(
        new InquiryAssigned(
            EventIds.next(),
            received.inquiryId(),
            Instant.now(),
            1,
            "billing",
            "op-17",
            Priority.P2,
            "test"));
    kafka.publish(resolved(received));

    List<MimeMessage> mails = awaitMails(email, 3);
    assertThat(mails.get(1).getSubject())
        .isEqualTo("[" + received.ticket() + "] Ваше обращение решено");
    assertThat(mails.get(2).getSubject()).contains("Оцените");
    Matcher link = LINK.matcher((String) mails.get(2).getContent());
    assertThat(link.find()).isTrue();
    assertThat(link.group(1)).isEqualTo(received.inquiryId());
    assertThat(
            kafka
                .awaitEvent(
                    CustomerNotified.class,
                    e ->
                        e.inquiryId().equals(received.inquiryId())
                            && e.kind() == NotificationKind.CSAT_REQUEST)
                .recipient())
        .isEqualTo(
            ((InternetAddress) mails.get(2).getAllRecipients()[0]).getAddress().charAt(0)
                + "***@example.com");

    given()
        .contentType("application/json")
        .body("{\"token\": \"" + link.group(2) + "\", \"score\": 5, \"comment\": \"Спасибо!\"}")
        .post("/csat/" + received.inquiryId())
        .then()
        .statusCode(202)
        .body("score", equalTo(5));

    CsatReceived rating =
        kafka.awaitEvent(CsatReceived.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(rating.score()).isEqualTo(5);
    assertThat(rating.comment()).isEqualTo("Спасибо!");
    assertThat(rating.channel()).isEqualTo(Channel.WEB_FORM);
    assertThat(rating.operatorId()).isEqualTo("op-17");

    PrometheusScrape after = scrape();
    Map<String, String> rated = Map.of("channel", "WEB_FORM", "operator", "op-17");
    assertThat(after.sum(CSAT + "_count", rated)).isEqualTo(before.sum(CSAT + "_count", rated) + 1);
    assertThat(after.sum(CSAT + "_sum", rated)).isEqualTo(before.sum(CSAT + "_sum", rated) + 5);
    assertThat(after.sum(CSAT + "_bucket", with(rated, "le", "4.0")))
        .as("a 5 is above the 4 bucket")
        .isEqualTo(before.sum(CSAT + "_bucket", with(rated, "le", "4.0")));
    assertThat(after.buckets(CSAT, rated)).contains("1.0", "2.0", "3.0", "4.0", "5.0", "+Inf");
    Map<String, String> csatMail = Map.of("kind", "CSAT_REQUEST", "medium", "EMAIL");
    assertThat(after.sum("switchboard_notification_sent_total", csatMail))
        .isEqualTo(before.sum("switchboard_notification_sent_total", csatMail) + 1);
    assertThat(
            after.buckets(
                "switchboard_notification_delivery_latency_seconds", Map.of("medium", "EMAIL")))
        .contains("0.005", "1.0", "120.0", "3600.0", "+Inf");

    given()
        .contentType("application/json")
        .body("{\"token\": \"" + link.group(2) + "\", \"score\": 1}")
        .post("/csat/" + received.inquiryId())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  /**
   * The assignment (inquiries.lifecycle) may be applied before the inquiry (inquiries.inbound) is:
   * the rating is still the assigned operator's.
   */
  @Test
  void anAssignmentReadBeforeItsInquiryStillOwnsTheRating() throws Exception {
    String email = "early." + uniqueId() + "@example.com";
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .customer("Boris", email, null)
            .text("Invoice", "Where is my invoice?", "en")
            .build();
    kafka.publish(
        new InquiryAssigned(
            EventIds.next(),
            received.inquiryId(),
            Instant.now(),
            1,
            "billing",
            "op-23",
            Priority.P3,
            "test"));
    Awaitility.await("the assignment of an inquiry not known yet is applied")
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "op-23".equals(operatorStored(received.inquiryId())));
    kafka.publish(received);
    kafka.awaitEvent(AcknowledgementSent.class, e -> e.inquiryId().equals(received.inquiryId()));
    kafka.publish(resolved(received));
    Matcher link = LINK.matcher((String) awaitMails(email, 3).get(2).getContent());
    assertThat(link.find()).isTrue();

    given()
        .contentType("application/json")
        .body("{\"token\": \"" + link.group(2) + "\", \"score\": 4}")
        .post("/csat/" + received.inquiryId())
        .then()
        .statusCode(202);

    CsatReceived rating =
        kafka.awaitEvent(CsatReceived.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(rating.operatorId()).isEqualTo("op-23");
  }

  @Test
  void badRatingsAreRefusedAsProblems() {
    String inquiryId = java.util.UUID.randomUUID().toString();

    given()
        .contentType("application/json")
        .body("{\"token\": \"forged\", \"score\": 5}")
        .post("/csat/" + inquiryId)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .body("{\"token\": \"" + token(inquiryId) + "\", \"score\": 9}")
        .post("/csat/" + inquiryId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("score"));
    given()
        .contentType("application/json")
        .body("{\"token\": \"" + token(inquiryId) + "\", \"score\": 4}")
        .post("/csat/" + inquiryId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .body("{not json")
        .post("/csat/" + inquiryId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theLinkOpensARatingPage() {
    String inquiryId = java.util.UUID.randomUUID().toString();

    given()
        .get("/csat/" + inquiryId + "?token=" + token(inquiryId))
        .then()
        .statusCode(200)
        .body(containsString("name=\"score\""))
        .body(containsString("action=\"/csat/" + inquiryId + "\""));
  }

  @Test
  void exportsOnlyCataloguedSeriesAndTags() {
    scrape().assertConformsToCatalogue();
  }

  @Test
  void everyKindAndMediumStartsAtZero() {
    PrometheusScrape scrape = scrape();
    Map<String, String> combination = Map.of("kind", "OPERATIONAL_ALERT", "medium", "SLACK");
    assertThat(scrape.has("switchboard_notification_sent_total", combination)).isTrue();
    assertThat(scrape.has("switchboard_notification_failed_total", combination)).isTrue();
    assertThat(scrape.has("switchboard_notification_retries_total", Map.of("medium", "TELEGRAM")))
        .isTrue();
  }

  private static PrometheusScrape scrape() {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString());
  }

  private static Map<String, String> with(Map<String, String> tags, String key, String value) {
    var all = new java.util.HashMap<>(tags);
    all.put(key, value);
    return all;
  }

  private String operatorStored(String inquiryId) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement query =
            db.prepareStatement(
                "select operator_id from notification.inquiry_operator where inquiry_id = ?")) {
      query.setObject(1, UUID.fromString(inquiryId));
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static String token(String inquiryId) {
    return new CsatLinks("http://localhost:8084/csat", "local-dev-csat-secret").token(inquiryId);
  }

  private static InquiryStatusChanged resolved(InquiryReceived received) {
    return new InquiryStatusChanged(
        EventIds.next(),
        received.inquiryId(),
        Instant.now(),
        InquiryStatusChanged.SCHEMA_VERSION,
        InquiryStatus.ACCEPTED,
        InquiryStatus.RESOLVED,
        "op-17",
        "answered",
        false);
  }

  private static List<MimeMessage> awaitMails(String address, int count) {
    return Awaitility.await(count + " e-mails to " + address)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                    .filter(mail -> addressedTo(mail, address))
                    .toList(),
            mails -> mails.size() >= count);
  }

  private static boolean addressedTo(MimeMessage mail, String address) {
    try {
      return ((InternetAddress) mail.getAllRecipients()[0]).getAddress().equalsIgnoreCase(address);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
