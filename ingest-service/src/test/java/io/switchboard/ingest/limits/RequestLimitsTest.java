package io.switchboard.ingest.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.ingest.channel.Webhooks;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Oversized bodies and callers over their rate are refused before anything is parsed. */
@QuarkusTest
@TestProfile(RequestLimitsTest.TightLimits.class)
class RequestLimitsTest {

  public static class TightLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ingest.channels.web-form.rate-limit.per-second", "1",
          "ingest.channels.web-form.rate-limit.burst", "3",
          "ingest.channels.chat.max-body-bytes", "512");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(SwitchboardTestResource.class));
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Test
  void aBodyOverTheChannelsLimitIs413NamingTheBody() {
    String marker = "huge-" + UUID.randomUUID();
    String body =
        """
        {"sessionId": "s-1", "messageId": "m-1", "text": "%s %s"}
        """
            .formatted(marker, "x".repeat(600));
    Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, body)
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"))
        .body("errors.reason", hasItem("larger than 512 bytes"));
  }

  @Test
  void callsOverTheRateAre429WithRetryAfterAndPublishNothing() throws Exception {
    String marker = "rate-" + UUID.randomUUID();
    // All at once, so that the bucket (burst 3, then 1 a second) sees a burst however slowly a
    // loaded machine answers each call: sent one by one, calls slower than a second never hit it.
    int calls = 20;
    List<ExtractableResponse<Response>> responses;
    try (ExecutorService callers = Executors.newFixedThreadPool(calls)) {
      CyclicBarrier together = new CyclicBarrier(calls);
      List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String text = marker + " " + i;
        sent.add(
            callers.submit(
                () -> {
                  together.await();
                  return given()
                      .contentType("application/json")
                      .header("X-Api-Key", "local-dev-web-form-key")
                      .body("{\"email\": \"rate@example.com\", \"text\": \"%s\"}".formatted(text))
                      .post("/inquiries")
                      .then()
                      .extract();
                }));
      }
      responses = new ArrayList<>();
      for (var response : sent) {
        responses.add(response.get());
      }
    }
    assertThat(responses)
        .extracting(ExtractableResponse::statusCode)
        .containsOnly(202, 429)
        .contains(429);
    int accepted = (int) responses.stream().filter(r -> r.statusCode() == 202).count();
    for (var limited : responses.stream().filter(r -> r.statusCode() == 429).toList()) {
      assertThat(limited.contentType()).startsWith("application/problem+json");
      assertThat(limited.header("Retry-After")).matches("[1-9][0-9]*");
    }
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "switchboard_ingest_inquiries_rejected_total{channel=\"WEB_FORM\",reason=\"rate-limited\"}"));

    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      int expected = accepted;
      org.awaitility.Awaitility.await()
          .atMost(KafkaTestClient.DEFAULT_WAIT)
          .until(
              () ->
                  kafka.eventsSoFar(InquiryReceived.class, e -> e.text().startsWith(marker)).size()
                      >= expected);
      assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.text().startsWith(marker)))
          .hasSize(accepted);
    }
  }
}
