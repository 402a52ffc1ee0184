package io.switchboard.sla.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.report.ReportPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the clocks started in a period in one query: per channel and, through {@code rollup}, in
 * total (the row whose channel is null).
 */
@ApplicationScoped
public class SlaReportRepository {
  private static final String FIRST = "kind = 'FIRST_RESPONSE' and status = 'STOPPED'";
  private static final String RESOLVED = "kind = 'RESOLUTION' and status = 'STOPPED'";
  private static final String FIGURES =
      "select channel,"
          + " count(*) filter (where kind = 'FIRST_RESPONSE') as inquiries,"
          + " count(*) filter (where "
          + FIRST
          + ") as answered,"
          + " count(*) filter (where "
          + FIRST
          + " and not met) as answered_late,"
          + " count(*) filter (where "
          + RESOLVED
          + ") as resolutions_stopped,"
          + " count(*) filter (where "
          + RESOLVED
          + " and met) as resolutions_met,"
          + percentile(0.5, FIRST, "first_p50")
          + ","
          + percentile(0.9, FIRST, "first_p90")
          + ","
          + percentile(0.5, RESOLVED, "resolution_p50")
          + ","
          + percentile(0.9, RESOLVED, "resolution_p90")
          + " from sla.sla_clock"
          + " where started_at >= $1 and started_at < $2"
          + " and kind in ('FIRST_RESPONSE', 'RESOLUTION')"
          + " group by rollup (channel)"
          + " order by grouping(channel), channel";

  private final Pool pool;

  public SlaReportRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<SlaFigures>> figures(ReportPeriod period) {
    return pool.preparedQuery(FIGURES)
        .execute(Tuple.of(period.fromUtc(), period.toUtc()))
        .map(
            rows -> {
              List<SlaFigures> figures = new ArrayList<>();
              rows.forEach(row -> figures.add(figures(row)));
              return figures;
            });
  }

  private static SlaFigures figures(Row row) {
    return new SlaFigures(
        row.getString("channel"),
        row.getLong("inquiries"),
        row.getLong("answered"),
        row.getLong("answered_late"),
        row.getLong("resolutions_stopped"),
        row.getLong("resolutions_met"),
        row.getDouble("first_p50"),
        row.getDouble("first_p90"),
        row.getDouble("resolution_p50"),
        row.getDouble("resolution_p90"));
  }

  private static String percentile(double fraction, String filter, String name) {
    return " percentile_cont("
        + fraction
        + ") within group (order by counted_seconds) filter (where "
        + filter
        + ") as "
        + name;
  }
}
