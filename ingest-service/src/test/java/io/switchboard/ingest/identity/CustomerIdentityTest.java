package io.switchboard.ingest.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer ids on the real database, as forms link identifiers. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class CustomerIdentityTest {
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

  private String customerOf(String json) {
    String inquiryId =
        given()
            .contentType("application/json")
            .header("X-Api-Key", "local-dev-web-form-key")
            .body(json)
            .post("/inquiries")
            .then()
            .statusCode(202)
            .extract()
            .path("inquiryId");
    return kafka
        .awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId))
        .customer()
        .customerId();
  }

  private static String form(String email, String phone) {
    return "{\"email\": %s, \"phone\": %s, \"text\": \"hello\"}"
        .formatted(
            email == null ? "null" : "\"" + email + "\"",
            phone == null ? "null" : "\"" + phone + "\"");
  }

  private static String phone() {
    return "+7903" + (1_000_000 + (int) (Math.random() * 8_999_999));
  }

  @Test
  void twoKnownCustomersLinkedByOneFormBecomeTheOlderOne() {
    String emailA = "a-" + UUID.randomUUID() + "@example.com";
    String emailB = "b-" + UUID.randomUUID() + "@example.com";
    String phone = phone();
    String first = customerOf(form(emailA, null));
    String second = customerOf(form(emailB, phone));
    assertThat(second).isNotEqualTo(first);

    String linked = customerOf(form(emailA, phone));
    assertThat(linked).isEqualTo(first);
    assertThat(customerOf(form(emailB, null))).isEqualTo(first);
    assertThat(customerOf(form(null, phone))).isEqualTo(first);
  }

  @Test
  void aNewCustomerSeenTwiceAtOnceGetsOneId() throws Exception {
    String email = "once-" + UUID.randomUUID() + "@example.com";
    CyclicBarrier together = new CyclicBarrier(3);
    List<CompletableFuture<String>> ids =
        List.of(1, 2, 3).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            together.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return customerOf(form(email, null));
                        }))
            .toList();
    assertThat(ids.get(0).get()).isEqualTo(ids.get(1).get()).isEqualTo(ids.get(2).get());
  }

  @Test
  void anUnknownChannelPathIsAProblemToo() {
    given()
        .contentType("application/json")
        .body("{}")
        .post("/channels/fax")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
