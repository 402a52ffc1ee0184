package io.switchboard.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import io.switchboard.routing.directory.DirectorySpec.ScheduleSpec;
import io.switchboard.routing.directory.DirectorySpec.TeamSpec;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Two instances starting at once both apply the same directory file to one database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class DirectoryLoadRaceTest {
  private static final int OPERATORS = 40;

  @Inject DirectoryFileLoader loader;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void twoConcurrentLoadsOfTheSameFileBothSucceedAndWriteEachEntryOnce() throws Exception {
    String team = "load-" + UUID.randomUUID().toString().substring(0, 8);

    loadTwiceAtOnce(spec(team, "First"));
    assertThat(count("select count(*) from routing.team where id = '" + team + "'")).isOne();
    assertThat(count("select count(*) from routing.operator where team_id = '" + team + "'"))
        .isEqualTo(OPERATORS);

    // A changed file applied by both again updates the rows in place.
    loadTwiceAtOnce(spec(team, "Second"));
    assertThat(
            count(
                "select count(*) from routing.operator where team_id = '"
                    + team
                    + "' and display_name = 'Second'"))
        .isEqualTo(OPERATORS);
  }

  private void loadTwiceAtOnce(DirectorySpec spec) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Void>> loads = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        loads.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    start.await();
                    VertxContextSupport.subscribeAndAwait(() -> loader.load(spec));
                  } catch (Throwable e) {
                    throw new IllegalStateException(e);
                  }
                },
                instances));
      }
      // join() rethrows the failure of either load, e.g. a duplicate key.
      CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).join();
    } finally {
      instances.shutdownNow();
    }
  }

  private static DirectorySpec spec(String team, String name) {
    List<OperatorSpec> operators = new ArrayList<>();
    for (int i = 0; i < OPERATORS; i++) {
      operators.add(
          new OperatorSpec(
              team + "-" + i,
              team,
              name,
              "op@switchboard.local",
              true,
              null,
              null,
              null,
              Map.of("default", 3),
              new ScheduleSpec(null, true, null, null)));
    }
    return new DirectorySpec(
        List.of(new TeamSpec(team, name, null, RoutingMode.LEAST_LOADED)), operators);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
