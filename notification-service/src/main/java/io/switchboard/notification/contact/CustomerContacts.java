package io.switchboard.notification.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.notification.acknowledgement.AcknowledgementRoute;
import io.switchboard.notification.template.CustomerNames;
import io.switchboard.notification.template.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
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
    this.assign =
        "update "
            + schema
            + ".customer_contact c set operator_id = r.operator_id"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(inquiry_id uuid,"
            + " operator_id text)"
            + " where c.inquiry_id = r.inquiry_id";
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
   * Remembers who handles each inquiry, for its rating; the last assignment of an inquiry in the
   * list wins, unknown inquiries are ignored.
   */
  public Uni<Void> assign(Map<String, String> operatorByInquiry) {
    if (operatorByInquiry.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Map<String, Object>> rows =
        operatorByInquiry.entrySet().stream()
            .map(e -> Map.<String, Object>of("inquiry_id", e.getKey(), "operator_id", e.getValue()))
            .toList();
    return execute(assign, rows);
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
