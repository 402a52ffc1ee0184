package io.switchboard.devstack.sim;

import java.time.DayOfWeek;

/**
 * How busy each hour is, relative to the busiest: a support team's week as the domain notes
 * describe it (a morning peak, a second wave after lunch, a quiet night, quieter weekends). Pure.
 */
final class DayShape {
  /** 00:00 .. 23:00, the busiest hour 1.0. */
  private static final double[] HOURS = {
    0.04, 0.03, 0.02, 0.02, 0.02, 0.04, 0.08, 0.25, 0.60, 0.95, 1.00, 0.90, //
    0.70, 0.75, 0.85, 0.80, 0.65, 0.50, 0.35, 0.25, 0.18, 0.12, 0.08, 0.05
  };

  private DayShape() {}

  /** The expected share of the peak hour's arrivals in this hour. */
  static double factor(DayOfWeek day, int hour) {
    double weekday =
        switch (day) {
          case MONDAY -> 1.0;
          case TUESDAY, WEDNESDAY -> 0.9;
          case THURSDAY -> 0.85;
          case FRIDAY -> 0.8;
          case SATURDAY -> 0.35;
          case SUNDAY -> 0.3;
        };
    return weekday * HOURS[hour];
  }
}
