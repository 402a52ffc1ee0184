package io.switchboard.devstack.report;

import java.util.Locale;

/** Number formats of the report: fixed locale, so that reports compare line by line. */
public final class Format {
  private Format() {}

  public static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    if (millis >= 10_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", millis);
    }
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  public static String rate(double perSecond) {
    if (Double.isNaN(perSecond)) {
      return "n/a";
    }
    return perSecond >= 100
        ? String.format(Locale.ROOT, "%,.0f/s", perSecond)
        : String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String num(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  public static String mib(long bytes) {
    if (bytes <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
  }

  public static String percent(double fraction) {
    if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
      return "n/a";
    }
    return fraction < 0.1
        ? String.format(Locale.ROOT, "%.2f%%", fraction * 100)
        : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }
}
