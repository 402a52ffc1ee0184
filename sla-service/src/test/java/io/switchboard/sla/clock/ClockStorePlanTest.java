package io.switchboard.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A batch's write reads the rows it changes, not the table: a benchmark found the inquiries' update
 * reading all of {@code sla_inquiry} (the planner takes the JSON rows for 100 and hashes the whole
 * table against them), 173 pages for 7 rows at 27,000 inquiries, growing with the table. Planned
 * against 20,000 inquiries in a transaction that is rolled back.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ClockStorePlanTest {
  @Inject ClockStore store;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  @Test
  void savingABatchOfInquiriesLooksThemUpByPrimaryKey() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, "")) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into sla.sla_inquiry (inquiry_id)"
                + " select gen_random_uuid() from generate_series(1, 20000)");
        statement.execute("analyze sla.sla_inquiry");
        List<String> ids = new ArrayList<>();
        try (ResultSet rows =
            statement.executeQuery(
                "select cast(inquiry_id as text) from sla.sla_inquiry limit 7")) {
          while (rows.next()) {
            ids.add("{\"inquiry_id\":\"" + rows.getString(1) + "\",\"channel\":\"EMAIL\"}");
          }
        }
        String plan = plan(connection, "[" + String.join(",", ids) + "]");
        assertThat(plan).contains("sla_inquiry_pkey").doesNotContain("Seq Scan on sla_inquiry");
      } finally {
        connection.rollback();
      }
    }
  }

  private String plan(Connection connection, String rows) throws SQLException {
    String sql = "explain " + store.saveInquiriesStatement().replace(":rows", "?");
    try (PreparedStatement explain = connection.prepareStatement(sql)) {
      for (int i = 1; i <= explain.getParameterMetaData().getParameterCount(); i++) {
        explain.setString(i, rows);
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet lines = explain.executeQuery()) {
        while (lines.next()) {
          plan.append(lines.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }
}
