package io.switchboard.sla.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inquiries and clocks of a batch, read and written with one statement each, in the caller's
 * transaction. Rows travel as one JSON document in a text parameter (bound to json, the driver
 * would send a Java string as a JSON string), instants come back as epoch microseconds: plain
 * values that read the same whatever the driver maps a type to in a native query.
 */
@ApplicationScoped
public class ClockStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String lock;
  private final String clocks;
  private final String saveInquiries;
  private final String saveClocks;

  public ClockStore(
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    // The no-op update locks a row that exists and returns its latest version; one that does not
    // exist yet is inserted (lifecycle events may come before the inquiry). In id order, the
    // order every path that locks several inquiries takes: two batches never deadlock.
    this.lock =
        "insert into "
            + schema
            + ".sla_inquiry as i (inquiry_id)"
            + " select cast(id as uuid) from unnest(string_to_array(:ids, ',')) as id order by 1"
            + " on conflict (inquiry_id) do update set channel = i.channel"
            + " returning cast(inquiry_id as text), channel, priority, segment, team_id,"
            + " assignee_id";
    this.clocks =
        "select cast(id as text), cast(inquiry_id as text), kind, channel, "
            + micros("started_at")
            + ", "
            + micros("due_at")
            + ", target_seconds, status, rule, calendar, cap_seconds, "
            + micros("run_started_at")
            + ", counted_seconds, wall_seconds, "
            + micros("paused_at")
            + ", "
            + micros("stopped_at")
            + ", met from "
            + schema
            + ".sla_clock where inquiry_id = any(cast(string_to_array(:ids, ',') as uuid[]))"
            + " order by inquiry_id, kind";
    // The planner takes a set-returning function for 100 rows and, against a table of some
    // thousands, joins it by reading the whole table; the ids as an array give it the primary key.
    this.saveInquiries =
        "update "
            + schema
            + ".sla_inquiry i set channel = r.channel, priority = r.priority,"
            + " segment = r.segment, team_id = r.team_id, assignee_id = r.assignee_id"
            + " from json_to_recordset(cast(cast(:rows as text) as json)) as r(inquiry_id uuid, channel text,"
            + " priority text, segment text, team_id text, assignee_id text)"
            + " where i.inquiry_id = r.inquiry_id"
            + " and i.inquiry_id = any(array(select x.inquiry_id from json_to_recordset("
            + "cast(cast(:rows as text) as json)) as x(inquiry_id uuid)))";
    String columns =
        "id, inquiry_id, kind, channel, started_at, due_at, target_seconds, status, rule,"
            + " calendar, cap_seconds, run_started_at, counted_seconds, wall_seconds, paused_at,"
            + " stopped_at, met";
    this.saveClocks =
        "insert into "
            + schema
            + ".sla_clock ("
            + columns
            + ") select "
            + columns
            + " from json_to_recordset(cast(cast(:rows as text) as json)) as r(id uuid, inquiry_id uuid,"
            + " kind text, channel text, started_at timestamptz, due_at timestamptz,"
            + " target_seconds bigint, status text, rule text, calendar text, cap_seconds bigint,"
            + " run_started_at timestamptz, counted_seconds bigint, wall_seconds bigint,"
            + " paused_at timestamptz, stopped_at timestamptz, met boolean)"
            + " on conflict (id) do update set channel = excluded.channel,"
            + " started_at = excluded.started_at, due_at = excluded.due_at,"
            + " target_seconds = excluded.target_seconds, status = excluded.status,"
            + " rule = excluded.rule, calendar = excluded.calendar,"
            + " cap_seconds = excluded.cap_seconds, run_started_at = excluded.run_started_at,"
            + " counted_seconds = excluded.counted_seconds, wall_seconds = excluded.wall_seconds,"
            + " paused_at = excluded.paused_at, stopped_at = excluded.stopped_at,"
            + " met = excluded.met";
  }

  /**
   * Locks the inquiries' rows, creating those not seen yet, and reads them: every transaction that
   * changes an inquiry's clocks or stages its events holds its row, so they apply one after the
   * other and their events reach the outbox in commit order.
   */
  public Uni<List<SlaInquiry>> lock(SortedSet<UUID> inquiryIds) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<Object[]>createNativeQuery(lock)
                    .setParameter("ids", joined(inquiryIds))
                    .getResultList())
        .map(rows -> rows.stream().map(ClockStore::inquiry).toList());
  }

  /** Every clock of the inquiries, by inquiry and kind. */
  public Uni<List<SlaClock>> clocksOf(Collection<UUID> inquiryIds) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<Object[]>createNativeQuery(clocks)
                    .setParameter("ids", joined(inquiryIds))
                    .getResultList())
        .map(rows -> rows.stream().map(ClockStore::clock).toList());
  }

  public Uni<Void> saveInquiries(Collection<SlaInquiry> inquiries) {
    if (inquiries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ArrayNode rows = JSON.createArrayNode();
    for (SlaInquiry inquiry : inquiries) {
      rows.addObject()
          .put("inquiry_id", inquiry.inquiryId.toString())
          .put("channel", name(inquiry.channel))
          .put("priority", name(inquiry.priority))
          .put("segment", inquiry.segment)
          .put("team_id", inquiry.teamId)
          .put("assignee_id", inquiry.assigneeId);
    }
    return execute(saveInquiries, rows);
  }

  /** Inserts the new clocks and updates the others. */
  public Uni<Void> saveClocks(Collection<SlaClock> changed) {
    if (changed.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ArrayNode rows = JSON.createArrayNode();
    for (SlaClock clock : changed) {
      rows.addObject()
          .put("id", clock.id.toString())
          .put("inquiry_id", clock.inquiryId.toString())
          .put("kind", clock.kind.name())
          .put("channel", name(clock.channel))
          .put("started_at", text(clock.startedAt))
          .put("due_at", text(clock.dueAt))
          .put("target_seconds", clock.targetSeconds)
          .put("status", clock.status.name())
          .put("rule", clock.rule)
          .put("calendar", clock.calendar)
          .put("cap_seconds", clock.capSeconds)
          .put("run_started_at", text(clock.runStartedAt))
          .put("counted_seconds", clock.countedSeconds)
          .put("wall_seconds", clock.wallSeconds)
          .put("paused_at", text(clock.pausedAt))
          .put("stopped_at", text(clock.stoppedAt))
          .put("met", clock.met);
    }
    return execute(saveClocks, rows);
  }

  /** The statement {@link #saveInquiries} runs, its rows as the parameter {@code :rows}. */
  String saveInquiriesStatement() {
    return saveInquiries;
  }

  private static Uni<Void> execute(String sql, ArrayNode rows) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(sql)
                    .setParameter("rows", rows.toString())
                    .executeUpdate())
        .replaceWithVoid();
  }

  private static SlaInquiry inquiry(Object[] row) {
    SlaInquiry inquiry = new SlaInquiry(UUID.fromString((String) row[0]));
    inquiry.channel = row[1] == null ? null : Channel.valueOf((String) row[1]);
    inquiry.priority = row[2] == null ? null : Priority.valueOf((String) row[2]);
    inquiry.segment = (String) row[3];
    inquiry.teamId = (String) row[4];
    inquiry.assigneeId = (String) row[5];
    return inquiry;
  }

  private static SlaClock clock(Object[] row) {
    SlaClock clock = new SlaClock();
    clock.id = UUID.fromString((String) row[0]);
    clock.inquiryId = UUID.fromString((String) row[1]);
    clock.kind = ClockKind.valueOf((String) row[2]);
    clock.channel = Channel.valueOf((String) row[3]);
    clock.startedAt = instant(row[4]);
    clock.dueAt = instant(row[5]);
    clock.targetSeconds = ((Number) row[6]).longValue();
    clock.status = SlaClock.Status.valueOf((String) row[7]);
    clock.rule = (String) row[8];
    clock.calendar = (String) row[9];
    clock.capSeconds = row[10] == null ? null : ((Number) row[10]).longValue();
    clock.runStartedAt = instant(row[11]);
    clock.countedSeconds = ((Number) row[12]).longValue();
    clock.wallSeconds = ((Number) row[13]).longValue();
    clock.pausedAt = instant(row[14]);
    clock.stoppedAt = instant(row[15]);
    clock.met = (Boolean) row[16];
    return clock;
  }

  private static String micros(String column) {
    return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
  }

  private static Instant instant(Object micros) {
    return micros == null
        ? null
        : Instant.EPOCH.plus(((Number) micros).longValue(), ChronoUnit.MICROS);
  }

  /** PostgreSQL keeps microseconds: cut, as the driver does, rather than let the parser round. */
  private static String text(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static String joined(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }
}
