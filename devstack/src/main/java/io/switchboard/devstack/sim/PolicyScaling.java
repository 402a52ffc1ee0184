package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA policy for the simulated day: every target and cap divided by the speed (whole seconds,
 * as sla-service counts them), and business calendars replaced by calendar time, because a calendar
 * follows the real clock and the simulated day would fall into whatever real hours the run happens
 * in. The policy in force before is kept in a file until it is restored, so that a run that died
 * restores it at the next start.
 */
final class PolicyScaling {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What became of one rule. */
  record Change(String rule, String clock, String before, String during) {}

  private PolicyScaling() {}

  /** The {@code {"rules":[...]}} body to PUT during the run, and the changes it makes. */
  static ObjectNode scaled(JsonNode policy, double speed, List<Change> changes) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode rules = body.putArray("rules");
    for (JsonNode rule : policy.path("rules")) {
      ObjectNode copy = rule.deepCopy();
      Duration target = Duration.parse(rule.path("target").asText());
      Duration scaledTarget = scale(target, speed);
      copy.put("target", scaledTarget.toString());
      StringBuilder during = new StringBuilder(seconds(scaledTarget));
      if (rule.hasNonNull("cap")) {
        Duration cap = scale(Duration.parse(rule.get("cap").asText()), speed);
        copy.put("cap", cap.toString());
        during.append(", cap ").append(seconds(cap));
      }
      if (rule.hasNonNull("calendar") && !rule.get("calendar").asText().equals("24/7")) {
        copy.remove("calendar");
        during
            .append(", calendar time (was business time of '")
            .append(rule.get("calendar").asText())
            .append("')");
      }
      rules.add(copy);
      changes.add(
          new Change(
              rule.path("name").asText(),
              rule.path("clock").asText(),
              describe(rule),
              during.toString()));
    }
    return body;
  }

  /** The rules as the policy API wants them back. */
  static ObjectNode original(JsonNode policy) {
    ObjectNode body = JSON.createObjectNode();
    body.set("rules", policy.path("rules").deepCopy());
    return body;
  }

  static void keep(Path file, JsonNode original) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(original));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the SLA policy in " + file, e);
    }
  }

  static JsonNode kept(Path file) {
    try {
      return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the policy in force has the rules of {@code wanted} (targets compared as durations).
   */
  static boolean inForce(JsonNode policy, JsonNode wanted) {
    List<String> have = new ArrayList<>();
    policy.path("rules").forEach(r -> have.add(key(r)));
    List<String> want = new ArrayList<>();
    wanted.path("rules").forEach(r -> want.add(key(r)));
    return have.equals(want);
  }

  private static String key(JsonNode rule) {
    return rule.path("name").asText()
        + "/"
        + Duration.parse(rule.path("target").asText()).toMillis()
        + "/"
        + rule.path("calendar").asText("");
  }

  private static Duration scale(Duration real, double speed) {
    return Duration.ofSeconds(Math.max(1, Math.round(real.toMillis() / 1000.0 / speed)));
  }

  private static String describe(JsonNode rule) {
    StringBuilder text = new StringBuilder(seconds(Duration.parse(rule.path("target").asText())));
    if (rule.hasNonNull("cap")) {
      text.append(", cap ").append(seconds(Duration.parse(rule.get("cap").asText())));
    }
    if (rule.hasNonNull("calendar")) {
      text.append(", calendar '").append(rule.get("calendar").asText()).append("'");
    }
    for (String filter : List.of("channels", "priorities", "segments")) {
      if (rule.path(filter).isArray() && !rule.path(filter).isEmpty()) {
        text.append(", ").append(filter).append(' ').append(rule.path(filter));
      }
    }
    return text.toString();
  }

  static String seconds(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + " h";
    }
    if (s % 60 == 0 && s >= 60) {
      return s / 60 + " min";
    }
    return s + " s";
  }
}
