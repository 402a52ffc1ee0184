package io.switchboard.routing.report;

import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * When inquiries arrived: a weekday × hour matrix (7 rows MON..SUN, 24 columns 0..23) in the
 * report's zone, with the totals per weekday, per hour and overall.
 *
 * @param channel the channel the report is limited to, null for all
 */
public record ArrivalsReport(
    Instant from,
    Instant to,
    String zone,
    String channel,
    List<String> weekdays,
    long[][] counts,
    long[] weekdayTotals,
    long[] hourTotals,
    long total) {
  static final List<String> WEEKDAYS =
      Arrays.stream(DayOfWeek.values())
          .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT))
          .toList();

  public static ArrivalsReport of(ReportPeriod period, String channel, List<ArrivalCount> cells) {
    long[][] counts = new long[7][24];
    long[] weekdayTotals = new long[7];
    long[] hourTotals = new long[24];
    long total = 0;
    for (ArrivalCount cell : cells) {
      counts[cell.isoWeekday() - 1][cell.hour()] += cell.count();
      weekdayTotals[cell.isoWeekday() - 1] += cell.count();
      hourTotals[cell.hour()] += cell.count();
      total += cell.count();
    }
    return new ArrivalsReport(
        period.from(),
        period.to(),
        period.zoneId(),
        channel,
        WEEKDAYS,
        counts,
        weekdayTotals,
        hourTotals,
        total);
  }

  /** All 168 cells, Monday 0:00 first, so that a spreadsheet pivots them without gaps. */
  public String csv() {
    Csv csv = Csv.withHeader("weekday", "hour", "count");
    for (int day = 0; day < 7; day++) {
      for (int hour = 0; hour < 24; hour++) {
        csv.row(WEEKDAYS.get(day), hour, counts[day][hour]);
      }
    }
    return csv.toString();
  }
}
