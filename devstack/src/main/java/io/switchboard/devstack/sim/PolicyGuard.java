package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales the SLA policy for the day through {@code PUT /sla/policy} and puts the one in force
 * before back afterwards, also when the simulator is interrupted (a shutdown hook) or died in an
 * earlier run (the kept copy, restored at the next start).
 */
final class PolicyGuard {
  private final StaffApi api;
  private final SimOptions options;
  private final Path kept;
  private final List<PolicyScaling.Change> changes = new ArrayList<>();
  private JsonNode original;
  private boolean scaled;
  private String restoredNote = "";

  PolicyGuard(StaffApi api, SimOptions options) {
    this.api = api;
    this.options = options;
    this.kept = options.out().resolve("sla-policy-before-simulation.json");
  }

  void scale() {
    JsonNode left = PolicyScaling.kept(kept);
    if (left != null) {
      StaffApi.Answer put = api.putPolicy(left);
      if (!put.ok()) {
        throw new IllegalStateException(
            "an earlier run left a scaled SLA policy and restoring "
                + kept
                + " answered "
                + put.status());
      }
      restoredNote = "an earlier run had not restored the SLA policy: restored from " + kept;
      System.err.println(restoredNote);
    }
    StaffApi.Answer policy = api.policy();
    if (!policy.ok()) {
      throw new IllegalStateException(
          "GET /sla/policy answered " + policy.status() + ": " + policy.text());
    }
    original = PolicyScaling.original(policy.body());
    if (!options.scalePolicy()) {
      return;
    }
    JsonNode during = PolicyScaling.scaled(policy.body(), options.speed(), changes);
    PolicyScaling.keep(kept, original);
    StaffApi.Answer put = api.putPolicy(during);
    if (!put.ok()) {
      throw new IllegalStateException(
          "PUT /sla/policy answered " + put.status() + ": " + put.text());
    }
    scaled = true;
    // Other instances take a new policy within seconds: wait until it is what the API reads.
    Instant deadline = Instant.now().plusSeconds(15);
    while (!PolicyScaling.inForce(api.policy().body(), during)
        && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  synchronized void restore() {
    if (!scaled) {
      return;
    }
    StaffApi.Answer put = api.putPolicy(original);
    if (put.ok()) {
      scaled = false;
      try {
        Files.deleteIfExists(kept);
      } catch (java.io.IOException e) {
        System.err.println("could not delete " + kept + ": " + e.getMessage());
      }
    } else {
      System.err.println(
          "The SLA policy could NOT be restored ("
              + put.status()
              + "); it is kept in "
              + kept
              + " and restored by the next run, or PUT it to /sla/policy yourself.");
    }
  }

  List<PolicyScaling.Change> changes() {
    return List.copyOf(changes);
  }

  boolean wasScaled() {
    return !changes.isEmpty();
  }

  String restoredNote() {
    return restoredNote;
  }
}
