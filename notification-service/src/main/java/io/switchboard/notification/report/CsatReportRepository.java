package io.switchboard.notification.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.report.ReportPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates the ratings received in a period in one query, grouped by channel, by operator and in
 * total (grouping sets), with the operator the inquiry was last assigned to.
 */
@ApplicationScoped
public class CsatReportRepository {
  private static final String FIGURES =
      "select grouping(c.channel) as other_than_channel,"
          + " grouping(o.operator_id) as other_than_operator,"
          + " c.channel, o.operator_id,"
          + " count(*) as responses, avg(r.score)::float8 as average,"
          + " count(*) filter (where r.score = 1) as score_1,"
          + " count(*) filter (where r.score = 2) as score_2,"
          + " count(*) filter (where r.score = 3) as score_3,"
          + " count(*) filter (where r.score = 4) as score_4,"
          + " count(*) filter (where r.score = 5) as score_5"
          + " from notification.csat_rating r"
          + " join notification.customer_contact c on c.inquiry_id = r.inquiry_id"
          + " left join notification.inquiry_operator o on o.inquiry_id = r.inquiry_id"
          + " where r.received_at >= $1 and r.received_at < $2"
          + " group by grouping sets ((c.channel), (o.operator_id), ())"
          + " order by c.channel nulls last, o.operator_id nulls last";

  private final Pool pool;

  public CsatReportRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<CsatFigures>> figures(ReportPeriod period) {
    return pool.preparedQuery(FIGURES)
        .execute(Tuple.of(period.fromUtc(), period.toUtc()))
        .map(
            rows -> {
              List<CsatFigures> figures = new ArrayList<>();
              rows.forEach(row -> figures.add(figures(row)));
              return figures;
            });
  }

  private static CsatFigures figures(Row row) {
    CsatFigures.Group group;
    String key;
    if (row.getInteger("other_than_channel") == 0) {
      group = CsatFigures.Group.CHANNEL;
      key = row.getString("channel");
    } else if (row.getInteger("other_than_operator") == 0) {
      group = CsatFigures.Group.OPERATOR;
      key = row.getString("operator_id");
    } else {
      group = CsatFigures.Group.TOTAL;
      key = null;
    }
    long[] scores = new long[5];
    for (int score = 1; score <= 5; score++) {
      scores[score - 1] = row.getLong("score_" + score);
    }
    return new CsatFigures(group, key, row.getLong("responses"), row.getDouble("average"), scores);
  }
}
