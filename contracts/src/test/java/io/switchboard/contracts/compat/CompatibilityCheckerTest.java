package io.switchboard.contracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checker itself, on synthetic before/after record pairs. */
class CompatibilityCheckerTest {
  enum Color {
    RED,
    GREEN
  }

  enum ColorWithBlue {
    RED,
    GREEN,
    BLUE
  }

  enum ColorWithoutGreen {
    RED
  }

  record Address(String city, String zip) {}

  record AddressWithoutZip(String city) {}

  record Before(
      UUID eventId, Instant at, int count, Color color, Address address, List<String> tags) {}

  record FieldRemoved(UUID eventId, Instant at, Color color, Address address, List<String> tags) {}

  record FieldRetyped(
      UUID eventId, Instant at, String count, Color color, Address address, List<String> tags) {}

  record FieldAdded(
      UUID eventId,
      Instant at,
      int count,
      Color color,
      Address address,
      List<String> tags,
      String note) {}

  record NestedFieldRemoved(
      UUID eventId,
      Instant at,
      int count,
      Color color,
      AddressWithoutZip address,
      List<String> tags) {}

  record ConstantRemoved(
      UUID eventId,
      Instant at,
      int count,
      ColorWithoutGreen color,
      Address address,
      List<String> tags) {}

  record ConstantAdded(
      UUID eventId,
      Instant at,
      int count,
      ColorWithBlue color,
      Address address,
      List<String> tags) {}

  record IntWidened(
      UUID eventId, Instant at, long count, Color color, Address address, List<String> tags) {}

  @Test
  void removedFieldAtTheSameVersionFails() {
    assertThat(check(baselineV1(), 1, FieldRemoved.class))
        .singleElement()
        .asString()
        .contains("field count (int32) was removed", "raise its SCHEMA_VERSION");
  }

  @Test
  void retypedFieldAtTheSameVersionFails() {
    assertThat(check(baselineV1(), 1, FieldRetyped.class))
        .singleElement()
        .asString()
        .contains("count changed type from int32 to string");
    assertThat(check(baselineV1(), 1, IntWidened.class))
        .singleElement()
        .asString()
        .contains("int32 to int64");
  }

  @Test
  void removedNestedFieldFails() {
    assertThat(check(baselineV1(), 1, NestedFieldRemoved.class))
        .singleElement()
        .asString()
        .contains("field address.zip (string) was removed");
  }

  @Test
  void removedEnumConstantFailsAndAddedOneDoesNot() {
    assertThat(check(baselineV1(), 1, ConstantRemoved.class))
        .singleElement()
        .asString()
        .contains("enum field color lost constants [GREEN]");
    assertThat(check(baselineV1(), 1, ConstantAdded.class)).isEmpty();
  }

  @Test
  void addedFieldIsCompatible() {
    assertThat(check(baselineV1(), 1, FieldAdded.class)).isEmpty();
  }

  @Test
  void removedFieldWithAVersionBumpAndItsBaselineEntryIsCompatible() {
    TreeMap<Integer, Map<String, String>> baseline = baselineV1();
    baseline.put(2, RecordShape.of(FieldRemoved.class));
    assertThat(check(baseline, 2, FieldRemoved.class)).isEmpty();
    assertThat(baseline).containsKey(1);
  }

  @Test
  void versionBumpWithoutBaselineEntryAsksForOne() {
    assertThat(check(baselineV1(), 2, FieldRemoved.class))
        .singleElement()
        .asString()
        .contains("v2 is new", "keep v1", "-Dcompat.baseline.write=true");
  }

  @Test
  void versionGoingDownFails() {
    TreeMap<Integer, Map<String, String>> baseline = baselineV1();
    baseline.put(2, RecordShape.of(Before.class));
    assertThat(check(baseline, 1, Before.class)).singleElement().asString().contains("went down");
  }

  @Test
  void recordingKeepsWhatTheBaselineHeld() {
    Map<String, TreeMap<Integer, Map<String, String>>> file = new TreeMap<>();
    BaselineFile.record(file, "t", 1, RecordShape.of(Before.class));
    BaselineFile.record(file, "t", 1, RecordShape.of(FieldRetyped.class));
    BaselineFile.record(file, "t", 1, RecordShape.of(FieldAdded.class));
    assertThat(file.get("t").get(1))
        .containsEntry("count", "int32")
        .containsEntry("note", "string")
        .containsEntry("color", "enum[RED,GREEN]")
        .containsEntry("address.zip", "string")
        .containsEntry("tags[]", "string");
  }

  private static TreeMap<Integer, Map<String, String>> baselineV1() {
    TreeMap<Integer, Map<String, String>> baseline = new TreeMap<>();
    baseline.put(1, RecordShape.of(Before.class));
    return baseline;
  }

  private static List<String> check(
      TreeMap<Integer, Map<String, String>> baseline, int version, Class<?> record) {
    return CompatibilityChecker.check("test.event", baseline, version, RecordShape.of(record));
  }
}
