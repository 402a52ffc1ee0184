package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The directory the day is staffed from, and the operators {@code --enrol} adds to it: always on
 * shift for routing (the simulator runs their shifts through presence), mixed languages, topics and
 * channels, small capacities so that a busy hour queues.
 */
final class Staffing {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<List<String>> LANGUAGES =
      List.of(List.of("ru"), List.of("ru", "en"), List.of("ru"), List.of());
  private static final List<List<String>> TOPICS =
      List.of(List.of(), List.of("billing"), List.of("delivery", "callback"), List.of("technical"));

  private Staffing() {}

  static JsonNode directory(StaffApi api) {
    StaffApi.Answer directory = api.directory();
    if (!directory.ok()) {
      throw new IllegalStateException(
          "GET /api/admin/directory answered " + directory.status() + ": " + directory.text());
    }
    return directory.body();
  }

  static void enrol(StaffApi api, SimOptions options) {
    if (options.enrol() <= 0) {
      return;
    }
    String team = directory(api).path("teams").path(0).path("id").asText("support");
    for (int i = 1; i <= options.enrol(); i++) {
      ObjectNode spec = JSON.createObjectNode();
      spec.put("team", team);
      spec.put("name", "Sim operator " + i);
      spec.put("email", "sim-op-" + i + "@switchboard.local");
      spec.put("alwaysPresent", false);
      LANGUAGES.get(i % LANGUAGES.size()).forEach(spec.putArray("languages")::add);
      TOPICS.get(i % TOPICS.size()).forEach(spec.putArray("topics")::add);
      ObjectNode capacity = spec.putObject("capacity");
      capacity.put("default", 3);
      capacity.put("CHAT", 2);
      capacity.put("PHONE", 1);
      capacity.put("EMAIL", 4);
      spec.putObject("schedule").put("alwaysOn", true);
      StaffApi.Answer stored = api.putOperator("sim-op-" + i, spec);
      if (!stored.ok()) {
        throw new IllegalStateException(
            "PUT /api/admin/operators/sim-op-"
                + i
                + " answered "
                + stored.status()
                + ": "
                + stored.text());
      }
    }
  }
}
