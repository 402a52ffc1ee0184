package io.switchboard.ingest.intake;

import io.switchboard.testing.RoundTripProxy;
import io.switchboard.testing.SwitchboardTestResource;
import io.switchboard.testing.TestInfra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The usual broker and database, with the service's reactive connections (all its runtime SQL)
 * going through a {@link RoundTripProxy}, and every timer that reads the database on its own (the
 * intake sweeper, platform's outbox relay) slowed to once an hour: what the proxy counts is then
 * what the requests cost. Flyway and the test's own JDBC go straight to the database.
 */
public class CountedIntakeDatabase extends SwitchboardTestResource {
  private RoundTripProxy proxy;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    try {
      proxy = new RoundTripProxy(TestInfra.get().postgresPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String direct = config.get("quarkus.datasource.reactive.url");
    String database = direct.substring(direct.lastIndexOf('/') + 1);
    config.put(
        "quarkus.datasource.reactive.url",
        "postgresql://127.0.0.1:" + proxy.port() + "/" + database);
    config.put("ingest.intake.sweep.interval", "1h");
    config.put("switchboard.outbox.poll-interval", "1h");
    config.put("switchboard.outbox.leader-check-interval", "1h");
    return config;
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(proxy, new TestInjector.MatchesType(RoundTripProxy.class));
  }

  @Override
  public void stop() {
    try {
      if (proxy != null) {
        proxy.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
