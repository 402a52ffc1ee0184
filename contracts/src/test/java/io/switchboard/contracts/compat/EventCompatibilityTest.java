package io.switchboard.contracts.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.EventType;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event record can still be read by a consumer of its schema version, as recorded in {@code
 * compat/events-baseline.json}. With {@code -Dcompat.baseline.write=true} the baseline first
 * records new versions, new types and added fields (never rewriting what it holds).
 */
class EventCompatibilityTest {
  private static Map<String, TreeMap<Integer, Map<String, String>>> baseline;

  @BeforeAll
  static void readBaseline() {
    baseline = BaselineFile.read();
    if (Boolean.getBoolean("compat.baseline.write")) {
      for (EventType type : EventType.values()) {
        BaselineFile.record(
            baseline, type.ceType(), type.schemaVersion(), RecordShape.of(type.recordClass()));
      }
      BaselineFile.write(baseline);
    }
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void recordIsCompatibleWithItsVersionsBaseline(EventType type) {
    assertThat(
            CompatibilityChecker.check(
                type.ceType(),
                baseline.getOrDefault(type.ceType(), new TreeMap<>()),
                type.schemaVersion(),
                RecordShape.of(type.recordClass())))
        .as("breaking changes to %s", type.recordClass().getSimpleName())
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void baselineKnowsTheFieldsAddedSinceItWasWritten(EventType type) {
    Map<String, String> recorded =
        baseline.getOrDefault(type.ceType(), new TreeMap<>()).get(type.schemaVersion());
    Set<String> added = new TreeSet<>(RecordShape.of(type.recordClass()).keySet());
    if (recorded != null) {
      added.removeAll(recorded.keySet());
    }
    assertThat(added)
        .as(
            "fields of %s v%d missing from the baseline (so their later removal would go unnoticed);"
                + " record them: %s",
            type.ceType(), type.schemaVersion(), BaselineFile.HOW_TO_WRITE)
        .isEmpty();
  }

  @Test
  void noEventTypeDisappeared() {
    Set<String> known =
        Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.toSet());
    assertThat(known)
        .as("event types in the baseline that the contracts no longer have")
        .containsAll(baseline.keySet());
  }
}
