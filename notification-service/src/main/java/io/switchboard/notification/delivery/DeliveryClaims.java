package io.switchboard.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.platform.consumer.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The worker's side of the ledger: claim due rows of a medium under a lease, and record a batch's
 * outcomes in one transaction together with the events that announce them ({@link
 * SettledDeliveries}). Only the claim that holds a row may record it, so a row whose lease ran out
 * and that another worker claimed is announced once, by that worker.
 */
@ApplicationScoped
public class DeliveryClaims {
  private static final Logger LOG = Logger.getLogger(DeliveryClaims.class);

  private final SettledDeliveries settled;
  private final ObjectMapper json;
  private final String claim;
  private final String record;
  private final String nextDue;
  private final String pullForward;

  public DeliveryClaims(
      SettledDeliveries settled,
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.settled = settled;
    this.json = json;
    String table = schema + ".notification";
    // A row waits for the notification it comes after (the rating request for the resolution
    // notice) as long as that one is PENDING.
    String unblocked =
        " and (n.after_id is null or not exists (select 1 from "
            + table
            + " b where b.id = n.after_id and b.status = 'PENDING'))";
    // statement_timestamp(): a stable bound is an index condition; clock_timestamp() would be a
    // filter over every pending row of the medium, rows held for hours and under lease included.
    this.claim =
        "with due as (select n.id from "
            + table
            + " n where n.status = 'PENDING' and n.medium = :medium"
            + " and n.next_attempt_at <= statement_timestamp()"
            + unblocked
            + " order by n.next_attempt_at limit :limit for update of n skip locked),"
            + " claimed as (update "
            + table
            + " n set claim_id = :claim, attempts = n.attempts + 1,"
            + " next_attempt_at = clock_timestamp() + make_interval(secs => cast(:lease as float8))"
            + " from due where n.id = due.id returning n.*)"
            + " select c.id, cast(c.inquiry_id as text), c.kind, c.level, c.address, c.recipient,"
            + " c.recipient_id, c.thread_ref, c.ticket, c.template, c.language,"
            + " cast(c.data as text), c.attempts,"
            + EpochMicros.of("c.due_at")
            + ", "
            + EpochMicros.of("p.due_at")
            + ", p.zone, p.off_hours"
            + " from claimed c left join "
            + schema
            + ".acknowledgement_promise p on c.kind = 'ACKNOWLEDGEMENT'"
            + " and p.inquiry_id = c.inquiry_id and p.due_at is not null"
            + " order by c.due_at";
    // Settled rows lose what only sending needed: the address and the personal data.
    this.record =
        "update "
            + table
            + " n set status = r.status,"
            + " sent_at = case when r.status = 'SENT' then clock_timestamp() else n.sent_at end,"
            + " next_attempt_at = case when r.status = 'PENDING' then r.next_attempt_at end,"
            + " attempts = n.attempts - case when r.tried then 0 else 1 end,"
            + " failure = case when r.status = 'SENT' then null else coalesce(r.failure, n.failure)"
            + " end,"
            + " address = case when r.status = 'PENDING' then n.address end,"
            + " data = case when r.status = 'PENDING' then n.data end,"
            + " claim_id = null"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id text, claim uuid, status text,"
            + " next_attempt_at timestamptz, tried boolean, failure text)"
            + " where n.id = r.id and n.claim_id = r.claim and n.status = 'PENDING'"
            // The ids as an array too: the primary key, whatever the planner guesses of the set.
            + " and n.id = any(array(select x.id from jsonb_to_recordset(cast(cast(:rows as text)"
            + " as jsonb)) as x(id text)))"
            + " returning n.id";
    this.nextDue =
        "select "
            + EpochMicros.of("min(n.next_attempt_at)")
            + " from "
            + table
            + " n where n.status = 'PENDING' and n.medium = :medium"
            + unblocked;
    // Rows that failed (or were held back while the provider looked down), not held alerts or
    // acknowledgements still waiting for their due time: those have no failure.
    this.pullForward =
        "update "
            + table
            + " set next_attempt_at = clock_timestamp() where status = 'PENDING'"
            + " and medium = :medium and failure is not null and claim_id is null"
            + " and next_attempt_at > clock_timestamp()";
  }

  /**
   * Claims up to {@code limit} due rows of {@code medium} for {@code lease}, in their own
   * transaction: no other worker claims them before the lease runs out.
   */
  public Uni<List<ClaimedDelivery>> claim(
      DeliveryMedium medium, int limit, UUID claimId, Duration lease) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .<Object[]>createNativeQuery(claim)
                            .setParameter("medium", medium.name())
                            .setParameter("limit", limit)
                            .setParameter("claim", claimId)
                            .setParameter("lease", lease.toMillis() / 1000.0)
                            .getResultList())
                .map(rows -> rows.stream().map(row -> claimed(row, medium)).toList()));
  }

  /**
   * Records the outcomes of one claim in one transaction: sent and given-up rows are settled and
   * announced through the outbox, the others go back to the queue. Metrics and log lines follow the
   * commit. Rows no longer held by this claim are left alone.
   */
  public Uni<Void> record(UUID claimId, List<DeliveryOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Map<String, DeliveryOutcome> byId = new HashMap<>();
    outcomes.forEach(outcome -> byId.put(outcome.row().id(), outcome));
    String rows = write(outcomes.stream().map(outcome -> row(claimId, outcome)).toList());
    return AfterCommit.scope(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            session ->
                                session
                                    .<String>createNativeQuery(record)
                                    .setParameter("rows", rows)
                                    .getResultList())
                        .chain(recorded -> announce(recorded, byId))));
  }

  /** When the next row of {@code medium} is due (or its lease ends); empty when none waits. */
  public Uni<Optional<Instant>> nextDue(DeliveryMedium medium) {
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .<Object>createNativeQuery(nextDue)
                            .setParameter("medium", medium.name())
                            .getSingleResult())
                .map(micros -> Optional.ofNullable(micros).map(EpochMicros::instant)));
  }

  /** Makes every row of {@code medium} that is waiting after a failure due now. */
  public Uni<Integer> pullForward(DeliveryMedium medium) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(pullForward)
                            .setParameter("medium", medium.name())
                            .executeUpdate()));
  }

  private Uni<Void> announce(List<String> recorded, Map<String, DeliveryOutcome> byId) {
    if (recorded.size() < byId.size()) {
      LOG.debugf(
          "%d outcome(s) not recorded: their lease ran out and another claim holds them",
          byId.size() - recorded.size());
    }
    return settled.announce(recorded.stream().map(byId::get).toList());
  }

  private static Map<String, Object> row(UUID claimId, DeliveryOutcome outcome) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", outcome.row().id());
    row.put("claim", claimId.toString());
    row.put(
        "status",
        switch (outcome.result()) {
          case SENT -> "SENT";
          case FAILED -> "FAILED";
          case RETRY, NOT_TRIED -> "PENDING";
        });
    row.put(
        "next_attempt_at",
        outcome.nextAttemptAt() == null ? null : outcome.nextAttemptAt().toString());
    row.put("tried", outcome.tried());
    row.put("failure", outcome.failure());
    return row;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClaimedDelivery claimed(Object[] row, DeliveryMedium medium) {
    Object promisedMicros = row[14];
    ClaimedDelivery.Promise promise =
        promisedMicros == null
            ? null
            : new ClaimedDelivery.Promise(
                EpochMicros.instant(promisedMicros),
                row[15] == null ? null : ZoneId.of((String) row[15]),
                Boolean.TRUE.equals(row[16]));
    return new ClaimedDelivery(
        (String) row[0],
        (String) row[1],
        NotificationKind.valueOf((String) row[2]),
        ((Number) row[3]).intValue(),
        medium,
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        (String) row[8],
        (String) row[9],
        (String) row[10],
        (String) row[11],
        ((Number) row[12]).intValue(),
        EpochMicros.instant(row[13]),
        promise);
  }
}
