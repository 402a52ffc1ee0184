package io.switchboard.ingest.channel.webform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /inquiries} on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class WebFormIntakeTest {
  static final String API_KEY = "local-dev-web-form-key";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  static String form(String email, String text) {
    return """
        {"name": "Анна Петрова", "email": "%s", "phone": "+7 916 123-45-67",
         "subject": "Не работает оплата", "text": "%s"}
        """
        .formatted(email, text);
  }

  static ValidatableResponse post(String body, String idempotencyKey) {
    var request = given().contentType("application/json").header("X-Api-Key", API_KEY).body(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.post("/inquiries").then();
  }

  @Test
  void acceptedInquiryIsOnTheTopicNormalizedWithCloudEventsHeaders() {
    String inquiryId =
        post(form("Anna.Petrova@Example.com", "Списали деньги, заказ не оформлен"), null)
            .statusCode(202)
            .body("ticket", matchesPattern("SB-[0-9A-HJKMNP-TV-Z]{12}"))
            .extract()
            .path("inquiryId");

    var record =
        kafka.awaitRecord(kafka.topic(Topics.INQUIRIES_INBOUND), r -> inquiryId.equals(r.key()));
    assertThat(KafkaTestClient.header(record, CloudEvents.TYPE))
        .isEqualTo("switchboard.inquiry.received");
    assertThat(KafkaTestClient.header(record, CloudEvents.SOURCE)).isEqualTo("/ingest-service");
    InquiryReceived event =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(KafkaTestClient.header(record, CloudEvents.ID))
        .isEqualTo(event.eventId().toString());
    assertThat(event.customer().email()).isEqualTo("anna.petrova@example.com");
    assertThat(event.customer().phone()).isEqualTo("+79161234567");
    assertThat(event.language()).isEqualTo("ru");
  }

  @Test
  void invalidInquiriesAreRefusedAsProblemsAndNothingIsPublished() {
    String marker = "invalid-" + UUID.randomUUID();
    post(form("not-an-email", marker), null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItem("email"));
    post("{\"name\": \"Bob\", \"text\": \"" + marker + "\"}", null)
        .statusCode(400)
        .body("errors.reason", hasItem("an e-mail or a phone is needed to answer the customer"));
    post("{\"email\": \"bob@example.com\", \"text\": \"  \"}", null)
        .statusCode(400)
        .body("errors.field", hasItem("text"));
    post("{\"email\": \"bob@example.com\", \"text\": ", null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.reason", hasItem("malformed JSON"));

    String sentinel =
        post(form("sentinel@example.com", "sentinel"), null)
            .statusCode(202)
            .extract()
            .path("inquiryId");
    kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(sentinel));
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.text().contains(marker))).isEmpty();
  }

  @Test
  void jsonThatIsNoInquiryIsRefusedAsAProblemThatSaysWhy() {
    post("[1,2]", null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString("JSON object"))
        .body("errors.field", hasItem("body"));
    post("\"just a string\"", null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));
    post("{\"email\": \"bob@example.com\", \"text\": {\"nested\": 1}}", null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("text"))
        .body("errors.reason", hasItem("must be a string"));
    post("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("nested"))
        .body("errors.field", hasItem("body"));
    post("{\"email\": \"bob@example.com\", \"text\": \"unclosed", null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("not valid JSON"))
        .body("errors.reason", hasItem("malformed JSON"));
  }

  @Test
  void refusalsBeforeTheResourceRunsAreProblemsToo() {
    given()
        .header("X-Api-Key", API_KEY)
        .get("/inquiries")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405));
    given()
        .contentType("text/plain")
        .header("X-Api-Key", API_KEY)
        .body("hello")
        .post("/inquiries")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .accept("text/html")
        .header("X-Api-Key", API_KEY)
        .body("[1,2]")
        .post("/inquiries")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .post("/channels/unknown")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void missingOrWrongApiKeyIsUnauthorized() {
    given()
        .contentType("application/json")
        .body(form("a@example.com", "hello"))
        .post("/inquiries")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .header("X-Api-Key", "guess")
        .body(form("a@example.com", "hello"))
        .post("/inquiries")
        .then()
        .statusCode(401);
  }

  @Test
  void concurrentDuplicatesBecomeOneInquiryAndOneEvent() throws Exception {
    String key = UUID.randomUUID().toString();
    // A new customer each run: the duplicates race on the identity's link as well as the claim.
    String body = form("twice-" + key + "@example.com", "Same form, sent at once " + key);
    double receivedBefore = receivedCount();
    int senders = 8;
    CyclicBarrier together = new CyclicBarrier(senders);
    ExecutorService threads = Executors.newFixedThreadPool(senders);
    List<CompletableFuture<String>> posts;
    try {
      posts =
          IntStream.range(0, senders)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(together);
                            return post(body, key)
                                .statusCode(202)
                                .extract()
                                .<String>path("inquiryId");
                          },
                          threads))
              .toList();
      CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get();
    } finally {
      threads.shutdown();
    }
    String first = posts.get(0).get();
    for (CompletableFuture<String> post : posts) {
      assertThat(post.get()).isEqualTo(first);
    }

    String later = post(body, key).statusCode(202).extract().path("inquiryId");
    assertThat(later).isEqualTo(first);
    // One of the eight created the row: the inquiry is counted once.
    assertThat(receivedCount()).isEqualTo(receivedBefore + 1);
    String sentinel =
        post(form("sentinel@example.com", "after " + key), null)
            .statusCode(202)
            .extract()
            .path("inquiryId");
    kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(sentinel));
    var events = kafka.eventsSoFar(InquiryReceived.class, e -> e.inquiryId().equals(first));
    assertThat(events).isNotEmpty();
    assertThat(events.stream().map(InquiryReceived::eventId).distinct()).hasSize(1);
  }

  @Test
  void idempotencyKeyReusedForOtherContentIsRefused() {
    String key = UUID.randomUUID().toString();
    post(form("a@example.com", "first"), key).statusCode(202);
    post(form("a@example.com", "something else"), key)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("Idempotency-Key"));
  }

  @Test
  void aPlainHtmlFormPostIsAnInquiryWithThePhoneInE164() {
    String inquiryId =
        given()
            .contentType("application/x-www-form-urlencoded; charset=UTF-8")
            .header("X-Api-Key", API_KEY)
            .formParam("name", "Пётр")
            .formParam("phone", "8 (916) 765-43-21")
            .formParam("subject", "Перезвоните")
            .formParam("text", "Хочу заказать доставку")
            .post("/inquiries")
            .then()
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived event =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(event.customer().name()).isEqualTo("Пётр");
    assertThat(event.customer().phone()).isEqualTo("+79167654321");
    assertThat(event.replyAddress().address()).isEqualTo("+79167654321");
    assertThat(event.text()).isEqualTo("Хочу заказать доставку");

    given()
        .contentType("application/x-www-form-urlencoded")
        .header("X-Api-Key", API_KEY)
        .formParam("text", "no contact")
        .post("/inquiries")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("email"));
  }

  @Test
  void aDuplicateIsCountedOnceAndLatencyIsMeasured() {
    double before = receivedCount();
    String key = UUID.randomUUID().toString();
    post(form("count@example.com", "count me once " + key), key).statusCode(202);
    post(form("count@example.com", "count me once " + key), key).statusCode(202);
    assertThat(receivedCount()).isEqualTo(before + 1);
    given()
        .get("/q/metrics")
        .then()
        .body(org.hamcrest.Matchers.containsString("switchboard_ingest_latency_seconds_bucket"));
  }

  private static double receivedCount() {
    String metrics = given().get("/q/metrics").then().extract().asString();
    return metrics
        .lines()
        .filter(
            line ->
                line.startsWith(
                    "switchboard_ingest_inquiries_received_total{channel=\"WEB_FORM\"}"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
