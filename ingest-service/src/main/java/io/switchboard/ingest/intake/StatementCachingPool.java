package io.switchboard.ingest.intake;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's reactive pool as Quarkus configures it, with a prepared-statement cache that also
 * keeps the intake's claim ({@link IntakeClaim}). The client caches statements of at most 2,048
 * characters by default and the claim is longer: uncached, every claim would cost a round trip to
 * prepare it before the one that runs it, and its plan would be made anew each time.
 */
@Singleton
public class StatementCachingPool implements PgPoolCreator {
  /** Longest statement kept prepared on a connection, in characters. */
  static final int CACHED_SQL_LIMIT = 16_384;

  @Override
  public Pool create(Input input) {
    List<SqlConnectOptions> databases = new ArrayList<>();
    for (PgConnectOptions database : input.pgConnectOptionsList()) {
      databases.add(database.setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT));
    }
    return PgBuilder.pool()
        .with(input.poolOptions())
        .connectingTo(databases)
        .using(input.vertx())
        .build();
  }
}
