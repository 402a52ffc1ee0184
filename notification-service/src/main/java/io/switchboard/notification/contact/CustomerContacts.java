package io.switchboard.notification.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.notification.acknowledgement.AcknowledgementRoute;
import io.switchboard.notification.template.CustomerNames;
import io.switchboard.notification.template.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's own copy of each inquiry's customer contact, written and read a batch at a time in
 * the caller's transaction.
 */
@ApplicationScoped
public class CustomerContacts {
  private final ObjectMapper json;
  private final String remember;
  private final String assign;
  private final String operatorOf;

  public CustomerContacts(
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.json = json;
    // Keeps the first copy: a redelivered event changes nothing.
    this.remember =
        "insert into "
            + schema
            + ".customer_contact (inquiry_id, ticket, name, language, channel, medium, address,"
            + " thread_ref, created_at)"
            + " select r.inquiry_id, r.ticket, r.name, r.language, r.channel, r.medium, r.address,"
            + " r.thread_ref, clock_timestamp()"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(inquiry_id uuid, ticket text,"
            + " name text, language text, channel text, medium text, address text,"
            + " thread_ref text)"
            + " on conflict (inquiry_id) do nothing";
    // The latest assignment wins whichever order the events are applied in; a redelivered one
    // changes nothing.
    this.assign =
        "insert into "
            + schema
            + ".inquiry_operator as o (inquiry_id, operator_id, assigned_at)"
            + " select r.inquiry_id, r.operator_id, r.assigned_at"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(inquiry_id uuid,"
            + " operator_id text, assigned_at timestamptz)"
            + " on conflict (inquiry_id) do update set operator_id = excluded.operator_id,"
            + " assigned_at = excluded.assigned_at where o.assigned_at <= excluded.assigned_at";
    this.operatorOf =
        "select operator_id from " + schema + ".inquiry_operator where inquiry_id = :inquiry";
  }

  /** Remembers how to reach each inquiry's customer; an inquiry remembered before is kept. */
  public Uni<Void> remember(Map<InquiryReceived, AcknowledgementRoute> routes) {
    if (routes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Map<String, Object>> rows =
        routes.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
    return execute(remember, rows);
  }

  /** The contacts of these inquiries that are known here, by inquiry id. */
  public Uni<Map<String, CustomerContact>> find(Collection<String> inquiryIds) {
    if (inquiryIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    List<UUID> ids = inquiryIds.stream().distinct().map(UUID::fromString).toList();
    return CustomerContact.<CustomerContact>list("inquiryId in ?1", ids)
        .map(
            found ->
                found.stream()
                    .collect(Collectors.toMap(c -> c.inquiryId.toString(), Function.identity())));
  }

  /**
   * Remembers who handles each inquiry, for its rating: the latest assignment of each inquiry, also
   * of one whose contact is not known yet.
   */
  public Uni<Void> assign(List<InquiryAssigned> assignments) {
    if (assignments.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, InquiryAssigned> latest = new LinkedHashMap<>();
    for (InquiryAssigned assigned : assignments) {
      latest.merge(
          assigned.inquiryId(),
          assigned,
          (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? a : b);
    }
    for (InquiryAssigned assigned : latest.values()) {
      Map<String, Object> row = new HashMap<>();
      row.put("inquiry_id", assigned.inquiryId());
      row.put("operator_id", assigned.operatorId());
      row.put("assigned_at", assigned.occurredAt().toString());
      rows.add(row);
    }
    return execute(assign, rows);
  }

  /** Who handles the inquiry, when an operator was assigned. */
  public Uni<String> operatorOf(UUID inquiryId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(operatorOf, String.class)
                    .setParameter("inquiry", inquiryId)
                    .getResultList())
        .map(found -> found.isEmpty() ? null : found.getFirst());
  }

  private Uni<Void> execute(String sql, List<Map<String, Object>> rows) {
    String parameter = write(rows);
    return Panache.getSession()
        .chain(
            session ->
                session.createNativeQuery(sql).setParameter("rows", parameter).executeUpdate())
        .replaceWithVoid();
  }

  private static Map<String, Object> row(InquiryReceived inquiry, AcknowledgementRoute route) {
    Map<String, Object> row = new HashMap<>();
    row.put("inquiry_id", inquiry.inquiryId());
    row.put("ticket", inquiry.ticket());
    row.put("name", CustomerNames.of(inquiry.customer()));
    row.put("language", Language.of(inquiry.language()).code());
    row.put("channel", inquiry.channel().name());
    row.put("medium", route.medium().name());
    row.put("address", route.address());
    row.put("thread_ref", route.threadRef());
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
