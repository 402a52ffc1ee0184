package io.switchboard.notification.acknowledgement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ClockStarted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where an inquiry's acknowledgement and sla-service's first-response due time meet, in either
 * order (they come on two topics, read by two consumers). Each side upserts the inquiry's row: the
 * upsert of the second waits for the first's transaction and then sees its row, so whichever comes
 * second knows the acknowledgement may go now. Both take the rows of a batch in inquiry order, so
 * two batches never wait for each other in a circle.
 */
@ApplicationScoped
public class AcknowledgementPromises {
  private final ObjectMapper json;
  private final String queued;
  private final String announced;
  private final String sweep;

  public AcknowledgementPromises(
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.json = json;
    String table = schema + ".acknowledgement_promise";
    this.queued =
        "insert into "
            + table
            + " (inquiry_id, acknowledgement_queued)"
            + " select cast(id as uuid), true from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) id"
            + " order by 1 on conflict (inquiry_id) do update set acknowledgement_queued = true,"
            + " updated_at = now()"
            + " returning cast(inquiry_id as text), due_at is not null";
    this.announced =
        "insert into "
            + table
            + " (inquiry_id, due_at, zone, off_hours)"
            + " select r.inquiry_id, r.due_at, r.zone, r.off_hours"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(inquiry_id uuid,"
            + " due_at timestamptz, zone text, off_hours boolean)"
            + " order by 1 on conflict (inquiry_id) do update set due_at = excluded.due_at,"
            + " zone = excluded.zone, off_hours = excluded.off_hours, updated_at = now()"
            + " returning cast(inquiry_id as text), acknowledgement_queued";
    // A promise is read only by its acknowledgement, within seconds; one whose inquiry was never
    // acknowledged (machine-written mail, no reply address) is of no use after a day.
    this.sweep = "delete from " + table + " where updated_at < now() - interval '1 day'";
  }

  /**
   * Notes that acknowledgements of these inquiries were queued; answers those whose due time is
   * known already, which may go at once.
   */
  public Uni<Set<String>> acknowledgementsQueued(Collection<String> inquiryIds) {
    if (inquiryIds.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    String ids = write(List.copyOf(new HashSet<>(inquiryIds)));
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<Object[]>createNativeQuery(queued)
                    .setParameter("ids", ids)
                    .getResultList())
        .map(AcknowledgementPromises::known);
  }

  /**
   * Stores sla-service's first-response due times; answers the inquiries whose acknowledgement was
   * queued already and may go now. The last announcement of an inquiry wins.
   */
  public Uni<Set<String>> announced(Collection<ClockStarted> clocks) {
    if (clocks.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    Map<String, Map<String, Object>> byInquiry = new HashMap<>();
    for (ClockStarted clock : clocks) {
      Map<String, Object> row = new HashMap<>();
      row.put("inquiry_id", clock.inquiryId());
      row.put("due_at", clock.dueAt().toString());
      row.put("zone", validZone(clock.zone()));
      row.put("off_hours", clock.offHours());
      byInquiry.put(clock.inquiryId(), row);
    }
    String rows = write(List.copyOf(byInquiry.values()));
    return Panache.getSession()
        .chain(
            session ->
                session
                    .<Object[]>createNativeQuery(announced)
                    .setParameter("rows", rows)
                    .getResultList())
        .map(AcknowledgementPromises::known);
  }

  @Scheduled(every = "1h", delayed = "1m")
  Uni<Void> forgetOldPromises() {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(session -> session.createNativeQuery(sweep).executeUpdate())
                .replaceWithVoid());
  }

  // An id sla-service's calendar may name but this JVM does not know is told in UTC.
  private static String validZone(String zone) {
    if (zone == null) {
      return null;
    }
    try {
      return ZoneId.of(zone).getId();
    } catch (DateTimeException unknown) {
      return null;
    }
  }

  private static Set<String> known(List<Object[]> rows) {
    Set<String> known = new HashSet<>();
    for (Object[] row : rows) {
      if (Boolean.TRUE.equals(row[1])) {
        known.add((String) row[0]);
      }
    }
    return known;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
