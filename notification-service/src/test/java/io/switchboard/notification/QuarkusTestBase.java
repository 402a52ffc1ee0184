package io.switchboard.notification;

import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.KafkaTestClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The broker, database and provider stand-ins a notification test talks to. */
public abstract class QuarkusTestBase {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  protected String jdbcUrl;

  protected KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  protected static String uniquePhone() {
    return "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
  }

  protected static String uniqueId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Waits until the provider stand-in has delivered a message whose body contains {@code marker}.
   */
  protected static List<String> awaitDelivered(String marker) {
    return Awaitility.await("a delivery containing " + marker)
        .atMost(KafkaTestClient.DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> ProvidersResource.providers().deliveredContaining(marker),
            list -> !list.isEmpty());
  }

  protected String ledgerStatus(InquiryReceived received) throws SQLException {
    return query(
        "select status from notification.notification where inquiry_id = ?::uuid",
        received.inquiryId());
  }

  protected String query(String sql, String parameter) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      ResultSet rows = statement.executeQuery();
      return rows.next() ? rows.getString(1) : null;
    }
  }

  protected void update(String sql, String parameter) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      statement.executeUpdate();
    }
  }
}
