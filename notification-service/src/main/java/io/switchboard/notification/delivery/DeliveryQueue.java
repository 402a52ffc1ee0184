package io.switchboard.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.platform.consumer.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The deciding side of the ledger: writes the messages a batch of events calls for, in the caller's
 * transaction and in one statement, and wakes the delivery lanes of the media that have rows due
 * once that transaction committed. A redelivered event finds its rows by their deterministic ids
 * and writes nothing.
 */
@ApplicationScoped
public class DeliveryQueue {
  private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

  private final DeliveryWorker worker;
  private final SettledDeliveries settled;
  private final ObjectMapper json;
  private final Duration window;
  private final int perWindow;
  private final String insert;
  private final String makeDue;
  private final String bounce;
  private final String retime;
  private final String dropHeld;

  public DeliveryQueue(
      DeliveryWorker worker,
      SettledDeliveries settled,
      ObjectMapper json,
      NotificationConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.worker = worker;
    this.window = config.acknowledgementWindow();
    this.perWindow = config.acknowledgementsPerWindow();
    this.settled = settled;
    this.json = json;
    String table = schema + ".notification";
    // An acknowledgement to an address that had the limit within the window is written down
    // SUPPRESSED: two auto-responders cannot loop for long. Suppressed rows keep no address.
    this.insert =
        "insert into "
            + table
            + " (id, inquiry_id, kind, level, medium, recipient, recipient_key, recipient_id,"
            + " address, thread_ref, ticket, template, language, data, after_id, held_for_hours,"
            + " status, created_at, due_at, next_attempt_at)"
            + " select r.id, r.inquiry_id, r.kind, r.level, r.medium, r.recipient,"
            + " r.recipient_key, r.recipient_id,"
            + " case when s.status = 'PENDING' then r.address end, r.thread_ref, r.ticket,"
            + " r.template, r.language, case when s.status = 'PENDING' then r.data end,"
            + " r.after_id, r.held_for_hours, s.status, clock_timestamp(),"
            + " coalesce(r.due_at, clock_timestamp()),"
            + " case when s.status = 'PENDING' then coalesce(r.due_at, clock_timestamp()) end"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id text, inquiry_id uuid,"
            + " kind text, level int, medium text, recipient text, recipient_key text,"
            + " recipient_id text, address text, thread_ref text, ticket text, template text,"
            + " language text, data jsonb, after_id text, held_for_hours boolean,"
            + " due_at timestamptz, suppressed boolean)"
            + " cross join lateral (select case when r.suppressed or (r.kind = 'ACKNOWLEDGEMENT'"
            + " and cast(:window as float8) > 0 and (select count(*) from (select 1 from "
            + table
            + " o where o.recipient_key = r.recipient_key and o.kind = 'ACKNOWLEDGEMENT'"
            + " and o.status in ('PENDING', 'SENT')"
            + " and o.created_at > clock_timestamp() - make_interval(secs => cast(:window as float8))"
            + " limit :limit) earlier) >= :limit)"
            + " then 'SUPPRESSED' else 'PENDING' end as status) s"
            + " on conflict (id) do nothing"
            + " returning id, status, medium, "
            + EpochMicros.of("next_attempt_at");
    // Only a row nobody has tried yet moves: a claimed or retried one keeps its own time.
    this.makeDue =
        "update "
            + table
            + " set next_attempt_at = clock_timestamp(), due_at = least(due_at, clock_timestamp())"
            // "= any(array(...))", not "in (select ...)": as a semi-join the planner read every
            // pending row (the backlog, under load) and matched the ids against them.
            + " where id = any(array(select jsonb_array_elements_text(cast(cast(:ids as text) as"
            + " jsonb))))"
            + " and status = 'PENDING' and attempts = 0 and claim_id is null"
            + " and next_attempt_at > clock_timestamp()"
            + " returning medium";
    this.bounce =
        "update "
            + table
            + " set status = 'FAILED', failure = :reason, address = null, data = null,"
            + " next_attempt_at = null"
            + " where id = :id and status in ('PENDING', 'SENT')"
            + " returning cast(inquiry_id as text), kind, medium, attempts";
    this.retime =
        "update "
            + table
            + " set next_attempt_at = cast(cast(:at as text) as timestamptz),"
            + " due_at = cast(cast(:at as text) as timestamptz), medium = :medium, address = :address,"
            + " recipient = :recipient"
            + " where recipient_id = :recipientId and status = 'PENDING' and held_for_hours"
            + " and attempts = 0 and claim_id is null"
            + " returning medium";
    this.dropHeld =
        "update "
            + table
            + " set status = 'SUPPRESSED', failure = 'recipient removed', address = null,"
            + " data = null, next_attempt_at = null"
            + " where recipient_id = :recipientId and status = 'PENDING' and held_for_hours"
            + " and attempts = 0 and claim_id is null";
  }

  /**
   * Writes {@code deliveries} down, in one statement.
   *
   * <p>An acknowledgement to an address that already had {@code acknowledgements-per-window} within
   * {@code acknowledgement-window} is written down suppressed.
   */
  public Uni<Void> enqueue(List<QueuedDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String rows = write(deliveries.stream().map(DeliveryQueue::row).toList());
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<Object[]>createNativeQuery(insert)
                    .setParameter("rows", rows)
                    .setParameter("window", (double) window.toSeconds())
                    .setParameter("limit", perWindow)
                    .getResultList())
        .invoke(this::queued)
        .replaceWithVoid();
  }

  /**
   * Makes the given notifications due now, if nobody has tried them yet: an acknowledgement whose
   * due time arrived before its wait was over.
   */
  public Uni<Void> makeDue(List<String> notificationIds) {
    if (notificationIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String ids = write(notificationIds);
    return Panache.getSession()
        .chain(
            session ->
                session.<String>createNativeQuery(makeDue).setParameter("ids", ids).getResultList())
        .invoke(media -> wakeAfterCommit(media.stream().map(DeliveryMedium::valueOf).toList()))
        .replaceWithVoid();
  }

  /**
   * A delivery report returned one of our messages: the notification is FAILED and announced once.
   * A bounce of an unknown or already failed notification changes nothing.
   */
  public Uni<Void> bounced(String notificationId, String reason) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<Object[]>createNativeQuery(bounce)
                    .setParameter("id", notificationId)
                    .setParameter("reason", reason)
                    .getResultList())
        .chain(
            rows -> {
              if (rows.isEmpty()) {
                LOG.infof(
                    "Bounce of %s: no such message still counted as delivered", notificationId);
                return Uni.createFrom().voidItem();
              }
              Object[] row = rows.getFirst();
              return settled.givenUp(
                  DeliveryEvents.failed(
                      (String) row[0],
                      notificationId,
                      NotificationKind.valueOf((String) row[1]),
                      DeliveryMedium.valueOf((String) row[2]),
                      ((Number) row[3]).intValue(),
                      reason,
                      Instant.now()),
                  Duration.ZERO);
            });
  }

  /**
   * A recipient's working hours or address changed: their held alerts go out at {@code at}, the
   * start of their next working time (now when they are at work), to their current address.
   */
  public Uni<Void> retimeHeld(
      String recipientId, Instant at, DeliveryMedium medium, String address) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<String>createNativeQuery(retime)
                    .setParameter("at", at.toString())
                    .setParameter("medium", medium.name())
                    .setParameter("address", address)
                    .setParameter("recipient", Addresses.masked(medium, address))
                    .setParameter("recipientId", recipientId)
                    .getResultList())
        .invoke(media -> wakeAfterCommit(media.stream().map(DeliveryMedium::valueOf).toList()))
        .replaceWithVoid();
  }

  /** A recipient was removed: their held alerts are never sent. */
  public Uni<Void> dropHeld(String recipientId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(dropHeld)
                    .setParameter("recipientId", recipientId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  private void queued(List<Object[]> rows) {
    Instant now = Instant.now();
    Set<DeliveryMedium> due = EnumSet.noneOf(DeliveryMedium.class);
    Map<DeliveryMedium, Instant> later = new EnumMap<>(DeliveryMedium.class);
    for (Object[] row : rows) {
      if ("SUPPRESSED".equals(row[1])) {
        LOG.infof("%s suppressed: one went to this address moments ago", row[0]);
        continue;
      }
      DeliveryMedium medium = DeliveryMedium.valueOf((String) row[2]);
      Instant at = EpochMicros.instant(row[3]);
      if (at.isAfter(now)) {
        later.merge(medium, at, (a, b) -> a.isBefore(b) ? a : b);
      } else {
        due.add(medium);
      }
    }
    wakeAfterCommit(due);
    // This instance times its own delayed rows; the others find them by polling, if it dies.
    if (!later.isEmpty()) {
      AfterCommit.run(() -> later.forEach(worker::wakeAt));
    }
  }

  private void wakeAfterCommit(List<DeliveryMedium> media) {
    wakeAfterCommit(new HashSet<>(media));
  }

  private void wakeAfterCommit(Set<DeliveryMedium> media) {
    if (!media.isEmpty()) {
      Set<DeliveryMedium> copy = EnumSet.copyOf(media);
      AfterCommit.run(() -> worker.wake(copy));
    }
  }

  private static Map<String, Object> row(QueuedDelivery delivery) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", delivery.id());
    row.put("inquiry_id", delivery.inquiryId());
    row.put("kind", delivery.kind().name());
    row.put("level", delivery.level());
    row.put("medium", delivery.medium().name());
    row.put("recipient", delivery.recipient());
    row.put("recipient_key", delivery.recipientKey());
    row.put("recipient_id", delivery.recipientId());
    row.put("address", delivery.address());
    row.put("thread_ref", delivery.threadRef());
    row.put("ticket", delivery.ticket());
    row.put("template", delivery.template() == null ? null : delivery.template().name());
    row.put("language", delivery.language());
    row.put("data", delivery.data());
    row.put("after_id", delivery.afterId());
    row.put("held_for_hours", delivery.heldForHours());
    row.put("due_at", Optional.ofNullable(delivery.dueAt()).map(Instant::toString).orElse(null));
    row.put("suppressed", delivery.suppressed());
    return row;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
