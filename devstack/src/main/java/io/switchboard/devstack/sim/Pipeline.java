package io.switchboard.devstack.sim;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Quantiles;
import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How fast the system moved the day's inquiries, from its own topics: received → routed (the first
 * assignment or queueing), received → acknowledgement sent, answer → first-response clock stopped
 * in sla-service. Context for every late answer: on a loaded machine these grow.
 */
final class Pipeline {
  private Pipeline() {}

  static List<String> lines(GroundTruth truth, SystemTrail trail) {
    List<Long> routed = new ArrayList<>();
    List<Long> acknowledged = new ArrayList<>();
    List<Long> stopped = new ArrayList<>();
    for (Case c : truth.cases()) {
      if (!c.accepted() || c.automatic()) {
        continue;
      }
      Seen seen = trail.get(c.inquiryId);
      if (seen == null || seen.receivedAt == null) {
        continue;
      }
      if (SystemTrail.routedAt(seen) != null) {
        routed.add(Duration.between(seen.receivedAt, SystemTrail.routedAt(seen)).toMillis());
      }
      if (seen.ack != null) {
        acknowledged.add(Duration.between(seen.receivedAt, seen.ack.at()).toMillis());
      }
      var clock = seen.clocks.get("FIRST_RESPONSE");
      var answer = c.firstAnswer();
      if (answer != null && clock != null && clock.stopProcessedAt != null) {
        stopped.add(Duration.between(answer.to(), clock.stopProcessedAt).toMillis());
      }
    }
    return List.of(
        "pipeline, from the topics: received → routed " + spread(routed),
        "                           received → acknowledgement sent " + spread(acknowledged),
        "                           answer → first-response clock stopped " + spread(stopped));
  }

  private static String spread(List<Long> millis) {
    if (millis.isEmpty()) {
      return "n/a";
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return "p50 "
        + Format.ms(Quantiles.nearestRank(sorted, 0.5))
        + ", p90 "
        + Format.ms(Quantiles.nearestRank(sorted, 0.9))
        + ", max "
        + Format.ms(sorted[sorted.length - 1])
        + " ("
        + sorted.length
        + ")";
  }
}
