package io.switchboard.sla.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the policy set through the API in the database, and every instance's policy in step with
 * it: a look at startup and every few seconds.
 */
@ApplicationScoped
public class PolicySync {
  private static final Logger LOG = Logger.getLogger(PolicySync.class);
  private static final long PERIOD_MS = 5_000;
  private static final TypeReference<List<PolicyRule>> RULES = new TypeReference<>() {};

  private final PolicyStore store;
  private final ObjectMapper json;
  private final String load;
  private final String save;
  private volatile Vertx vertx;
  private volatile long timer;

  public PolicySync(
      PolicyStore store,
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.store = store;
    this.json = json;
    this.load = "select version, rules from " + schema + ".sla_policy where id = 1";
    this.save =
        "insert into "
            + schema
            + ".sla_policy (id, rules, version) values (1, :rules, 1) on conflict (id) do update"
            + " set rules = excluded.rules, version = sla_policy.version + 1, updated_at = now()"
            + " returning version";
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(1, PERIOD_MS, ignored -> refresh());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  /** Stores the policy and puts it in force here; the other instances follow on their next look. */
  public Uni<Void> save(SlaPolicy policy) {
    store.check(policy);
    String rules;
    try {
      rules = json.writeValueAsString(policy.rules());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .<Number>createNativeQuery(save)
                                .setParameter("rules", rules)
                                .getSingleResult()))
        .invoke(version -> store.replace(policy, version.longValue()))
        .replaceWithVoid();
  }

  private void refresh() {
    ContextExecutor.runOnSafeContext(
        vertx,
        () ->
            Panache.withSession(
                    () ->
                        Panache.getSession()
                            .chain(
                                session ->
                                    session.<Object[]>createNativeQuery(load).getResultList()))
                .subscribe()
                .with(
                    rows -> rows.forEach(this::apply),
                    failure -> LOG.warnf("SLA policy not refreshed: %s", failure.getMessage())));
  }

  private void apply(Object[] row) {
    long version = ((Number) row[0]).longValue();
    if (version <= store.version()) {
      return;
    }
    try {
      store.replace(new SlaPolicy(json.readValue((String) row[1], RULES)), version);
      LOG.infof("SLA policy version %d in force", version);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.errorf("Stored SLA policy version %d not usable, kept the one in force: %s", version, e);
    }
  }
}
