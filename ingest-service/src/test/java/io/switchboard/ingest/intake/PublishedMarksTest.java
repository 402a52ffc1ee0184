package io.switchboard.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Group commit of PUBLISHED marks on the real database. The updates are counted where they are
 * issued, not on the wire, so that the service's own timers cannot blur the count.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class PublishedMarksTest {

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String databaseUser;

  @Inject Pool pool;

  /** The service's statements, counting the updates that mark rows PUBLISHED. */
  private static final class CountedRows extends IntakeRows {
    final AtomicInteger updates = new AtomicInteger();

    @Override
    public Uni<Integer> markPublished(SqlClient client, List<String> keys) {
      updates.incrementAndGet();
      return super.markPublished(client, keys);
    }
  }

  @Test
  void marksOfRequestsThatArriveDuringAnUpdateShareTheNextUpdate() throws Exception {
    StoredIntake stored = new StoredIntake(jdbcUrl, databaseUser);
    String prefix = "WEB_FORM:marks-" + UUID.randomUUID() + "-";
    Map<String, InquiryReceived> rows = new LinkedHashMap<>();
    for (int i = 0; i < 21; i++) {
      rows.put(
          prefix + i, EventFixtures.inquiryReceived().text("Marks", "mark " + i, "en").build());
    }
    stored.insertAll(rows, IntakeStatus.PENDING, Duration.ZERO, "hash");
    List<String> keys = List.copyOf(rows.keySet());
    CountedRows counted = new CountedRows();
    // An update held up by the test's row lock must wait for it, not be abandoned meanwhile.
    PublishedMarks marks = new PublishedMarks(pool, counted, Duration.ofMinutes(5));
    CompletableFuture<Void> first;
    List<CompletableFuture<Void>> later = new ArrayList<>();
    try (Connection holder = DriverManager.getConnection(jdbcUrl, databaseUser, "")) {
      // The first update waits for this row lock: every mark asked for meanwhile has to wait too.
      holder.setAutoCommit(false);
      holder
          .prepareStatement(
              "select 1 from ingest.intake where source_key = '" + keys.getFirst() + "' for update")
          .executeQuery();
      first = marks.mark(keys.getFirst()).subscribeAsCompletionStage();
      Awaitility.await("the first update waits for the row lock")
          .atMost(KafkaTestClient.DEFAULT_WAIT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> waitingForALock(holder));
      for (String key : keys.subList(1, keys.size())) {
        later.add(marks.mark(key).subscribeAsCompletionStage());
      }
      assertThat(counted.updates).hasValue(1);
      assertThat(later).noneMatch(CompletableFuture::isDone);
      holder.rollback();
    }
    first.get();
    for (CompletableFuture<Void> mark : later) {
      mark.get();
    }
    // The twenty marks that waited went out together, in one more update.
    assertThat(counted.updates).hasValue(2);
    assertThat(keys)
        .allSatisfy(key -> assertThat(stored.status(key)).contains(IntakeStatus.PUBLISHED));
  }

  private boolean waitingForALock(Connection holder) throws SQLException {
    try (ResultSet waiting =
        holder
            .createStatement()
            .executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock' and query like 'update ingest.intake%'")) {
      waiting.next();
      return waiting.getLong(1) > 0;
    }
  }
}
