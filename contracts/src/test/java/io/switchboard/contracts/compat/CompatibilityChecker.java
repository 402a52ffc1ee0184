package io.switchboard.contracts.compat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an event's current shape can still be read by a consumer written against the baseline of
 * its schema version. Removing or retyping a field, or removing an enum constant, breaks such a
 * consumer and needs a new schema version; adding fields or enum constants does not.
 */
public final class CompatibilityChecker {
  private CompatibilityChecker() {}

  /** What in {@code current} breaks a consumer of {@code baseline}; empty when nothing does. */
  public static List<String> breaks(Map<String, String> baseline, Map<String, String> current) {
    List<String> breaks = new ArrayList<>();
    for (var field : baseline.entrySet()) {
      String was = field.getValue();
      String now = current.get(field.getKey());
      if (now == null) {
        breaks.add("field " + field.getKey() + " (" + was + ") was removed");
      } else if (isEnum(was) && isEnum(now)) {
        Set<String> missing = new TreeSet<>(constants(was));
        missing.removeAll(constants(now));
        if (!missing.isEmpty()) {
          breaks.add("enum field " + field.getKey() + " lost constants " + missing);
        }
      } else if (!was.equals(now)) {
        breaks.add("field " + field.getKey() + " changed type from " + was + " to " + now);
      }
    }
    return breaks;
  }

  /**
   * The verdict for one event type.
   *
   * @param name the event type, for the messages
   * @param baseline the recorded shapes by schema version
   * @param version the record's current {@code SCHEMA_VERSION}
   * @param current the record's current shape
   * @return the problems, each saying what to do; empty when the record is compatible
   */
  public static List<String> check(
      String name,
      NavigableMap<Integer, Map<String, String>> baseline,
      int version,
      Map<String, String> current) {
    if (baseline.isEmpty()) {
      return List.of(
          name + " v" + version + " has no baseline entry: " + BaselineFile.HOW_TO_WRITE);
    }
    int latest = baseline.lastKey();
    if (version < latest) {
      return List.of(
          name
              + " schema version went down from "
              + latest
              + " to "
              + version
              + ": never reuse one");
    }
    if (version > latest) {
      return List.of(
          name
              + " v"
              + version
              + " is new: record its shape (keep v"
              + latest
              + "): "
              + BaselineFile.HOW_TO_WRITE);
    }
    return breaks(baseline.get(version), current).stream()
        .map(b -> name + " v" + version + ": " + b + "; raise its SCHEMA_VERSION")
        .toList();
  }

  private static boolean isEnum(String type) {
    return type.startsWith(RecordShape.ENUM + "[");
  }

  private static List<String> constants(String enumType) {
    String inner = enumType.substring(RecordShape.ENUM.length() + 1, enumType.length() - 1);
    return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
  }
}
