package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.report.ReportPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Aggregates the assignment history per operator in one query, names from the directory. */
@ApplicationScoped
public class OperatorsRepository {
  private static final String FIRST_REPLY =
      "(extract(epoch from f.first_reply_at - a.assigned_at))::float8";
  // An assignment's first reply is the earliest written while it held the inquiry.
  private static final String FIRST_REPLY_OF_ASSIGNMENT =
      " left join lateral (select min(p.replied_at) as first_reply_at"
          + " from routing.report_reply p where p.inquiry_id = a.inquiry_id"
          + " and p.replied_at >= a.assigned_at"
          + " and (a.ended_at is null or p.replied_at <= a.ended_at)) f on true";
  private static final String RESOLUTION =
      "(extract(epoch from a.resolved_at - a.assigned_at))::float8";
  private static final String FIGURES =
      "select a.operator_id, o.display_name as name,"
          + " coalesce(o.team_id, max(a.team_id)) as team,"
          + " count(*) as assigned, count(a.accepted_at) as accepted,"
          + " count(a.resolved_at) as resolved,"
          + " count(*) filter (where a.forwarded) as forwarded_away,"
          + " percentile_cont(0.5) within group (order by "
          + FIRST_REPLY
          + ") as first_reply_p50,"
          + " percentile_cont(0.9) within group (order by "
          + FIRST_REPLY
          + ") as first_reply_p90,"
          + " percentile_cont(0.5) within group (order by "
          + RESOLUTION
          + ") as resolution_p50"
          + " from routing.report_assignment a"
          + FIRST_REPLY_OF_ASSIGNMENT
          + " left join routing.operator o on o.id = a.operator_id"
          + " where a.assigned_at >= $1 and a.assigned_at < $2"
          + " group by a.operator_id, o.display_name, o.team_id"
          + " order by a.operator_id";

  private final Pool pool;

  public OperatorsRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<OperatorFigures>> figures(ReportPeriod period) {
    return pool.preparedQuery(FIGURES)
        .execute(Tuple.of(period.fromUtc(), period.toUtc()))
        .map(
            rows -> {
              List<OperatorFigures> figures = new ArrayList<>();
              rows.forEach(row -> figures.add(figures(row)));
              return figures;
            });
  }

  private static OperatorFigures figures(Row row) {
    return new OperatorFigures(
        row.getString("operator_id"),
        row.getString("name"),
        row.getString("team"),
        row.getLong("assigned"),
        row.getLong("accepted"),
        row.getLong("resolved"),
        row.getLong("forwarded_away"),
        row.getDouble("first_reply_p50"),
        row.getDouble("first_reply_p90"),
        row.getDouble("resolution_p50"));
  }
}
