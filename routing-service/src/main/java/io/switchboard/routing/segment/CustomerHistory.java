package io.switchboard.routing.segment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.SqlJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What routing knows about customers, for a whole batch in one statement: the segment a supervisor
 * set (priority rules match on it) and the operator who handled the customer last (preferred for
 * the next inquiry). Read without locks: both are preferences, and a change committed a moment
 * later counts from the next inquiry on.
 */
@ApplicationScoped
public class CustomerHistory {
  // The latest assignment first, straight from the index on (customer_key, assigned_at desc).
  private static final String KNOWN =
      """
      select k.key,
             (select s.segment from routing.customer_segment s where s.customer_id = k.key),
             (select i.operator_id from routing.inquiry i
               where i.customer_key = k.key and i.operator_id is not null
                 and i.assigned_at is not null
                 and i.id not in (select cast(x as uuid)
                                    from jsonb_array_elements_text(cast(cast(:skip as text) as jsonb))
                               as x)
               order by i.assigned_at desc limit 1)
        from jsonb_array_elements_text(cast(cast(:keys as text) as jsonb)) as k(key)
      """;

  /**
   * @param segment the customer's segment, or null
   * @param previousOperator who handled the customer's latest assigned inquiry, or null
   */
  public record Known(String segment, String previousOperator) {}

  /**
   * What is known about each of {@code customerKeys} (null keys are left out); {@code notCounting}
   * inquiries are not taken for the customer's latest, e.g. the one being assigned again.
   */
  public Uni<Map<String, Known>> of(Collection<String> customerKeys, Collection<UUID> notCounting) {
    List<String> keys = customerKeys.stream().filter(Objects::nonNull).distinct().toList();
    if (keys.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(KNOWN, Object[].class)
                    .setParameter("keys", SqlJson.strings(keys))
                    .setParameter("skip", SqlJson.strings(notCounting))
                    .getResultList())
        .map(
            rows -> {
              Map<String, Known> known = new HashMap<>();
              for (Object[] row : rows) {
                known.put((String) row[0], new Known((String) row[1], (String) row[2]));
              }
              return known;
            });
  }

  /** Customer key to previous operator, for those that have one. */
  public static Map<String, String> previousOperators(Map<String, Known> known) {
    Map<String, String> previous = new HashMap<>();
    known.forEach(
        (key, k) -> {
          if (k.previousOperator() != null) {
            previous.put(key, k.previousOperator());
          }
        });
    return previous;
  }
}
