package io.switchboard.sla.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.sla.clock.ClockLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves the pending deadlines after a policy change, a page of inquiries per transaction (written
 * as a consumer's batch is): a million open clocks must not become one transaction.
 */
@ApplicationScoped
public class Retargeting {
  private static final int PAGE = 200;
  private static final UUID FIRST = new UUID(0, 0);

  private final ClockLifecycle clocks;
  private final String page;

  public Retargeting(
      ClockLifecycle clocks,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.clocks = clocks;
    this.page =
        "select distinct inquiry_id from "
            + schema
            + ".sla_clock where status <> 'STOPPED' and inquiry_id > :after"
            + " order by inquiry_id limit :limit";
  }

  /** Retargets every inquiry with an open clock; the number of inquiries looked at. */
  public Uni<Integer> all() {
    return from(FIRST, 0);
  }

  private Uni<Integer> from(UUID after, int done) {
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .<UUID>createNativeQuery(page)
                                .setParameter("after", after)
                                .setParameter("limit", PAGE)
                                .getResultList())
                    .call(clocks::retarget))
        .chain(
            ids ->
                ids.size() < PAGE
                    ? Uni.createFrom().item(done + ids.size())
                    : from(ids.getLast(), done + ids.size()));
  }
}
