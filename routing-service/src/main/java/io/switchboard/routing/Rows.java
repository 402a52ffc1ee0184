package io.switchboard.routing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Column values of native query rows, whichever Java type the driver chose for them. */
public final class Rows {
  private Rows() {}

  public static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case Instant instant -> instant;
      case OffsetDateTime odt -> odt.toInstant();
      case java.sql.Timestamp ts -> ts.toInstant();
      default -> Instant.parse(value.toString());
    };
  }

  public static UUID uuid(Object value) {
    return value == null || value instanceof UUID
        ? (UUID) value
        : UUID.fromString(value.toString());
  }

  public static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
