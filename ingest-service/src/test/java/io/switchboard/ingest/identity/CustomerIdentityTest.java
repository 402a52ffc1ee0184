package io.switchboard.ingest.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    String form = form(email, null);
    List<String> ids = together(List.of(form, form, form));
    assertThat(ids.get(0)).isEqualTo(ids.get(1)).isEqualTo(ids.get(2));
  }

  @Test
  void newIdentifiersSeenAtOnceInOverlappingFormsEndAsOneCustomerThatBothInquiriesCarry()
      throws Exception {
    // One form names the e-mail, the other the e-mail and a phone, both never seen: whichever
    // links first, the other's claim meets its link, and both inquiries name the one customer.
    for (int round = 0; round < 5; round++) {
      String email = "overlap-" + UUID.randomUUID() + "@example.com";
      String phone = phone();
      List<String> ids = together(List.of(form(email, null), form(email, phone)));
      assertThat(ids.get(1)).isEqualTo(ids.get(0));
      assertThat(customerOf(form(null, phone))).isEqualTo(ids.get(0));
      assertThat(customerOf(form(email, null))).isEqualTo(ids.get(0));
    }
  }

  /** Posts the forms at the same moment, each from its own thread; their customer ids in order. */
  private List<String> together(List<String> forms) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(forms.size());
    ExecutorService threads = Executors.newFixedThreadPool(forms.size());
    try {
      List<CompletableFuture<String>> ids =
          forms.stream()
              .map(
                  form ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            try {
                              barrier.await();
                            } catch (Exception e) {
                              throw new IllegalStateException(e);
                            }
                            return customerOf(form);
                          },
                          threads))
              .toList();
      List<String> customers = new ArrayList<>();
      for (CompletableFuture<String> id : ids) {
        customers.add(id.get());
      }
      return customers;
    } finally {
      threads.shutdown();
    }
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
