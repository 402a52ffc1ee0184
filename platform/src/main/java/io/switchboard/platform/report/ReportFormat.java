package io.switchboard.platform.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The two forms a report comes in, chosen from the request's Accept header. */
public enum ReportFormat {
  JSON,
  CSV;

  private record Range(String type, double quality) {}

  /**
   * The form the client prefers most: JSON unless CSV ranks higher ({@code text/csv}, {@code
   * text/*}); a missing header or {@code *}{@code /*} means JSON.
   */
  public static ReportFormat preferred(String accept) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      double quality = 1.0;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip();
        if (parameter.startsWith("q=")) {
          quality = quality(parameter.substring(2));
        }
      }
      ranges.add(new Range(pieces[0].strip().toLowerCase(Locale.ROOT), quality));
    }
    ranges.sort(Comparator.comparingDouble(Range::quality).reversed());
    for (Range range : ranges) {
      if (range.quality() <= 0) {
        continue;
      }
      switch (range.type()) {
        case "application/json", "application/*", "*/*" -> {
          return JSON;
        }
        case "text/csv", "text/*" -> {
          return CSV;
        }
        default -> {}
      }
    }
    return JSON;
  }

  private static double quality(String value) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
