package io.switchboard.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.RoundTripProxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request costs the database, counted on the wire by a proxy in front of PostgreSQL ({@link
 * CountedIntakeDatabase}): round trips that execute statements are held exactly; those that only
 * prepare a statement (once per pooled connection) are printed beside them.
 */
@QuarkusTest
@TestProfile(IntakeRoundTripsTest.Counted.class)
class IntakeRoundTripsTest {

  public static class Counted implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(CountedIntakeDatabase.class));
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  RoundTripProxy proxy;

  private KafkaTestClient kafka;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String databaseUser;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
    awaitQuietStartup();
  }

  /**
   * The outbox relay campaigns for leadership and runs its first round once the service started,
   * through the same proxy: the counts start only after it leads and the wire went quiet.
   */
  private void awaitQuietStartup() {
    Awaitility.await("the outbox relay leads")
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(this::relayLeads);
    long[] seen = {-1};
    Awaitility.await("no statement in flight after startup")
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              long now = proxy.executions();
              boolean quiet = now == seen[0];
              seen[0] = now;
              return quiet;
            });
  }

  private boolean relayLeads() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, databaseUser, "");
        ResultSet leader =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*) from pg_locks l join pg_stat_activity a using (pid)"
                        + " where l.locktype = 'advisory' and l.granted"
                        + " and a.datname = current_database()"
                        + " and a.application_name like '%outbox relay' and a.state = 'idle'")) {
      leader.next();
      return leader.getLong(1) > 0;
    }
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void aNewInquiryWithAKeyCostsTwoRoundTripsAndItsRedeliveryOne() {
    int forms = 20;
    String run = UUID.randomUUID().toString();
    Spent spent = new Spent(proxy);
    List<String> inquiries = new ArrayList<>();
    for (int i = 0; i < forms; i++) {
      inquiries.add(
          form(run + "-" + i, "new-" + i + "-" + run + "@example.com", "+7916" + phone(i, run))
              .statusCode(202)
              .extract()
              .path("inquiryId"));
    }
    spent.report("new web-form inquiries, new customers", forms);
    assertThat(spent.executions()).isEqualTo(2L * forms);

    // A returning customer (both identifiers known): still the claim and the mark.
    spent = new Spent(proxy);
    form(run + "-again", "new-0-" + run + "@example.com", "+7916" + phone(0, run)).statusCode(202);
    spent.report("a returning customer's new inquiry", 1);
    assertThat(spent.executions()).isEqualTo(2);

    // A new e-mail that names no thread: no thread lookup, the same two.
    spent = new Spent(proxy);
    given()
        .contentType("message/rfc822")
        .header("X-Api-Key", "local-dev-email-key")
        .body(
            ("From: mail-%s@example.com\r\nTo: support@switchboard.local\r\nSubject: Вопрос\r\n"
                    + "Message-ID: <%s@mail.example.com>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\nЗдравствуйте\r\n")
                .formatted(run, UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8))
        .post("/channels/email")
        .then()
        .statusCode(202);
    spent.report("a new e-mail inquiry", 1);
    assertThat(spent.executions()).isEqualTo(2);

    // Every form published exactly once, with its customer linked.
    for (String inquiryId : inquiries) {
      assertThat(kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId)))
          .satisfies(event -> assertThat(event.customer().customerId()).isNotBlank());
    }

    // The redelivery of a published key: the claim finds the row and nothing is published.
    spent = new Spent(proxy);
    String again =
        form(run + "-0", "new-0-" + run + "@example.com", "+7916" + phone(0, run))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    spent.report("a redelivered form", 1);
    assertThat(again).isEqualTo(inquiries.getFirst());
    assertThat(spent.executions()).isEqualTo(1);
  }

  private static io.restassured.response.ValidatableResponse form(
      String key, String email, String phone) {
    return given()
        .contentType("application/json")
        .header("X-Api-Key", "local-dev-web-form-key")
        .header("Idempotency-Key", key)
        .body(
            """
            {"name": "Анна", "email": "%s", "phone": "%s", "text": "Сколько стоит доставка?"}
            """
                .formatted(email, phone))
        .post("/inquiries")
        .then();
  }

  // Seven digits that differ per form and per run.
  private static String phone(int i, String run) {
    return String.format("%07d", (Math.abs(run.hashCode()) % 100_000) * 20 + i);
  }

  /** The proxy's counts since this was made. */
  private static final class Spent {
    private final RoundTripProxy proxy;
    private final long executions;
    private final long preparations;

    Spent(RoundTripProxy proxy) {
      this.proxy = proxy;
      this.executions = proxy.executions();
      this.preparations = proxy.preparations();
    }

    long executions() {
      return proxy.executions() - executions;
    }

    void report(String what, int requests) {
      System.out.printf(
          "database round trips, %s: %.2f per request executing statements, %.2f preparing them"
              + " (%d requests)%n",
          what,
          executions() / (double) requests,
          (proxy.preparations() - preparations) / (double) requests,
          requests);
    }
  }
}
