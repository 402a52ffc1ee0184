package io.switchboard.routing.assignment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads every operator's capacity and open assignments in one query. */
@ApplicationScoped
public class OperatorLoads {
  private static final String LOADS =
      """
      select o.id, o.team_id, o.capacity,
             (select count(*) from routing.inquiry i
               where i.operator_id = o.id and i.status = 'ASSIGNED')
        from routing.operator o
       order by o.id
       for update of o
      """;

  /** Locks the operator rows so that two concurrent assignments cannot both take the last slot. */
  public Uni<List<OperatorLoad>> lockAll() {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery(LOADS, Object[].class).getResultList())
        .map(rows -> rows.stream().map(OperatorLoads::toLoad).toList());
  }

  private static OperatorLoad toLoad(Object[] row) {
    return new OperatorLoad(
        (String) row[0],
        (String) row[1],
        ((Number) row[2]).intValue(),
        ((Number) row[3]).longValue());
  }
}
