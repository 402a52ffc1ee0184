package io.switchboard.platform.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The half-open interval [from, to) a report covers and the zone its days and hours are counted in.
 * A date as {@code from} starts at that day's midnight in the zone; a date as {@code to} includes
 * that whole day, so {@code from=2026-03-01&to=2026-03-31} is all of March.
 */
public record ReportPeriod(Instant from, Instant to, ZoneId zone) {
  public static final ZoneId UTC = ZoneId.of("UTC");

  /** Parses the query parameters; every problem with them is reported at once. */
  public static ReportPeriod parse(String from, String to, String zone) {
    List<InvalidReportRequest.FieldError> errors = new ArrayList<>();
    ZoneId zoneId = zone(zone, errors);
    ZoneId dayZone = zoneId == null ? UTC : zoneId;
    Instant start = point("from", from, dayZone, errors);
    Instant last = point("to", to, dayZone, errors);
    if (start != null && last != null && start.isAfter(last)) {
      errors.add(new InvalidReportRequest.FieldError("to", "must not be before from"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidReportRequest(errors);
    }
    Instant end = isDate(to) ? last.atZone(dayZone).plusDays(1).toInstant() : last;
    return new ReportPeriod(start, end, zoneId);
  }

  /** The zone id as PostgreSQL's {@code AT TIME ZONE} takes it. */
  public String zoneId() {
    return zone.getId();
  }

  public OffsetDateTime fromUtc() {
    return from.atOffset(ZoneOffset.UTC);
  }

  public OffsetDateTime toUtc() {
    return to.atOffset(ZoneOffset.UTC);
  }

  private static ZoneId zone(String zone, List<InvalidReportRequest.FieldError> errors) {
    if (zone == null || zone.isBlank()) {
      return UTC;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      errors.add(new InvalidReportRequest.FieldError("zone", "not an IANA time zone id"));
      return null;
    }
  }

  private static boolean isDate(String value) {
    return value.strip().length() == 10;
  }

  /** A date's midnight in the zone, or the instant as given. */
  private static Instant point(
      String name, String value, ZoneId zone, List<InvalidReportRequest.FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new InvalidReportRequest.FieldError(name, "required"));
      return null;
    }
    String text = value.strip();
    try {
      if (isDate(text)) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      errors.add(
          new InvalidReportRequest.FieldError(
              name, "not an ISO date (2026-03-01) or instant (2026-03-01T09:00:00Z)"));
      return null;
    }
  }
}
