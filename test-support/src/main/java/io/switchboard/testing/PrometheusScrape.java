package io.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed Prometheus text scrape ({@code /q/metrics}), and the catalogue conformance check of
 * docs/metrics.md: every exported {@code switchboard_} series is catalogued and carries only
 * catalogued tags.
 */
public final class PrometheusScrape {
  /** Tags the catalogue allows; anything identifying a customer or an inquiry is not among them. */
  public static final Set<String> ALLOWED_TAGS =
      Set.of(
          "channel",
          "priority",
          "team",
          "segment",
          "clock",
          "kind",
          "medium",
          "reason",
          "met",
          "status",
          "operator",
          "weekday",
          "hour",
          "type",
          "incoming",
          "outcome",
          "le");

  private static final Pattern SUFFIX = Pattern.compile("_(bucket|count|sum|max|total|created)$");

  /** One line of the scrape. */
  public record Sample(String name, Map<String, String> tags, double value) {}

  private final String text;
  private final List<Sample> samples;

  private PrometheusScrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  public static PrometheusScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    text.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> samples.add(sample(line)));
    return new PrometheusScrape(text, samples);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The sum of every series of {@code name} whose tags include {@code tags} (0 when none). */
  public double sum(String name, Map<String, String> tags) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.tags().entrySet().containsAll(tags.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** Whether a series of {@code name} with (at least) these tags is exported. */
  public boolean has(String name, Map<String, String> tags) {
    return samples.stream()
        .anyMatch(s -> s.name().equals(name) && s.tags().entrySet().containsAll(tags.entrySet()));
  }

  /** The {@code le} boundaries of a histogram's buckets, in seconds, for series with these tags. */
  public Set<String> buckets(String histogram, Map<String, String> tags) {
    Set<String> les = new java.util.TreeSet<>();
    samples.stream()
        .filter(
            s ->
                s.name().equals(histogram + "_bucket")
                    && s.tags().entrySet().containsAll(tags.entrySet()))
        .forEach(s -> les.add(s.tags().get("le")));
    return les;
  }

  /**
   * Fails unless every {@code switchboard_} family exported is named in docs/metrics.md and every
   * one of its tags is an allowed tag. The scrape is kept in {@code target/q-metrics.prom} to read
   * what was exported when it fails.
   */
  public void assertConformsToCatalogue() {
    try {
      Files.writeString(Path.of("target", "q-metrics.prom"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String catalogue = catalogue();
    List<Sample> ours = samples.stream().filter(s -> s.name().startsWith("switchboard_")).toList();
    assertThat(ours).as("switchboard_ series exported").isNotEmpty();
    for (Sample sample : ours) {
      String family = SUFFIX.matcher(sample.name()).replaceFirst("");
      assertThat(catalogue).as("docs/metrics.md names %s", family).contains("`" + family);
      assertThat(ALLOWED_TAGS).as("tags of %s", sample.name()).containsAll(sample.tags().keySet());
    }
  }

  private static String catalogue() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/metrics.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("docs/metrics.md above the working directory").isNotNull();
    try {
      return Files.readString(dir.resolve("docs/metrics.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int valueStart = line.lastIndexOf(' ');
    double value = Double.parseDouble(line.substring(valueStart + 1));
    if (brace < 0) {
      return new Sample(line.substring(0, valueStart).trim(), Map.of(), value);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    int i = brace + 1;
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq).trim();
      StringBuilder val = new StringBuilder();
      int j = eq + 2;
      for (; line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\') {
          c = line.charAt(++j);
          val.append(c == 'n' ? '\n' : c);
        } else {
          val.append(c);
        }
      }
      tags.put(key, val.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return new Sample(line.substring(0, brace), tags, value);
  }
}
