package io.switchboard.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * A batch travels to PostgreSQL as one JSON parameter, unpacked there with {@code
 * jsonb_to_recordset} or {@code jsonb_array_elements_text}: one statement (and one round trip)
 * whatever the batch's size, with the same statement text every time, portable across drivers. The
 * parameter is cast to text before jsonb: a string bound where the server expects jsonb is sent as
 * a JSON string value, not as the document it holds.
 */
public final class SqlJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SqlJson() {}

  /** An empty array of row objects to fill. */
  public static ArrayNode rows() {
    return JSON.createArrayNode();
  }

  /** The values' text forms as a JSON array of strings. */
  public static String strings(Collection<?> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(v -> array.add(v.toString()));
    return array.toString();
  }

  /** A timestamp as PostgreSQL keeps it (microseconds), the precision entities are written at. */
  public static String instant(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
  }
}
