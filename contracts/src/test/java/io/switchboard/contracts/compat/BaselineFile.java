package io.switchboard.contracts.compat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed shapes of every event type by schema version: {@code ce_type → version → field →
 * type}. Entries are only ever added to, so a consumer of any listed version stays provable.
 */
public final class BaselineFile {
  public static final String HOW_TO_WRITE =
      "./mvnw -pl contracts test -Dtest=EventCompatibilityTest -Dcompat.baseline.write=true";
  static final Path PATH =
      Path.of(System.getProperty("sbtest.root", ".."))
          .resolve("contracts/src/test/resources/compat/events-baseline.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BaselineFile() {}

  public static Map<String, TreeMap<Integer, Map<String, String>>> read() {
    if (!Files.exists(PATH)) {
      return new TreeMap<>();
    }
    try {
      return JSON.readValue(
          PATH.toFile(),
          new TypeReference<TreeMap<String, TreeMap<Integer, Map<String, String>>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + PATH, e);
    }
  }

  public static void write(Map<String, TreeMap<Integer, Map<String, String>>> baseline) {
    try {
      Files.createDirectories(PATH.getParent());
      Files.writeString(PATH, JSON.writeValueAsString(new TreeMap<>(baseline)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + PATH, e);
    }
  }

  /**
   * Records {@code shape} as version {@code version} of {@code type}: fields already recorded keep
   * their recorded type (a break must fail, not be written over), new fields are added.
   */
  public static void record(
      Map<String, TreeMap<Integer, Map<String, String>>> baseline,
      String type,
      int version,
      Map<String, String> shape) {
    Map<String, String> entry =
        baseline
            .computeIfAbsent(type, t -> new TreeMap<>())
            .computeIfAbsent(version, v -> new TreeMap<>());
    shape.forEach(entry::putIfAbsent);
  }
}
