package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.platform.report.ReportPeriod;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Counts inquiries received per ISO weekday and hour of the report's zone, in the database. */
@ApplicationScoped
public class ArrivalsRepository {
  private static final String LOCAL = "(received_at at time zone $3)";
  private static final String CELLS =
      "select date_part('isodow', "
          + LOCAL
          + ")::int as weekday, date_part('hour', "
          + LOCAL
          + ")::int as hour, count(*) as arrivals"
          + " from routing.inquiry"
          + " where received_at >= $1 and received_at < $2"
          + " and ($4::text is null or channel = $4)"
          + " group by 1, 2";

  private final Pool pool;

  public ArrivalsRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param channel only this channel's inquiries, or all for null
   */
  public Uni<List<ArrivalCount>> cells(ReportPeriod period, Channel channel) {
    return pool.preparedQuery(CELLS)
        .execute(
            Tuple.of(
                period.fromUtc(),
                period.toUtc(),
                period.zoneId(),
                channel == null ? null : channel.name()))
        .map(
            rows -> {
              List<ArrivalCount> cells = new ArrayList<>();
              rows.forEach(
                  row ->
                      cells.add(
                          new ArrivalCount(
                              row.getInteger("weekday"),
                              row.getInteger("hour"),
                              row.getLong("arrivals"))));
              return cells;
            });
  }
}
