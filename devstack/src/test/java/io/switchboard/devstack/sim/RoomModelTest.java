package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.SystemTrail.Step;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomModelTest {
  private static final String DIRECTORY =
      """
      {"teams":[{"id":"support","supervisor":"lead-1"}],
       "operators":[
        {"id":"duty-1","team":"support","alwaysPresent":true,"capacity":{"default":2},
         "schedule":{"alwaysOn":true}}]}
      """;
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void anInquiryFromBeforeTheRunWhoseChannelIsUnknownTakesRoomOnEveryChannel() throws Exception {
    Roster roster = new Roster(new ObjectMapper().readTree(DIRECTORY));
    // Seen only through a forwarding during the run: no inquiry.received, so no channel.
    Seen earlier = held("before-the-run", null, START.plusSeconds(10));
    Seen email = held("email", "EMAIL", START.plusSeconds(20));
    RoomModel rooms =
        new RoomModel(roster, List.of(), List.of(earlier, email), START.plusSeconds(3600));
    Instant at = START.plusSeconds(60);

    assertThat(rooms.loadBefore("duty-1", "EMAIL", at)).isEqualTo(2);
    assertThat(rooms.loadBefore("duty-1", "CHAT", at)).isEqualTo(1);
    assertThat(rooms.roomAt("support", "EMAIL", "ru", null, Set.of(), at)).isNull();
    assertThat(rooms.roomAt("support", "CHAT", "ru", null, Set.of(), at).text("CHAT"))
        .isEqualTo("duty-1 (1 of 2 free on CHAT)");
  }

  @Test
  void aSlotHandedOverAtOnceToAnInquiryRankingAtLeastAsHighWasNoRoomForTheWaitingOne()
      throws Exception {
    Roster roster = new Roster(new ObjectMapper().readTree(DIRECTORY));
    Instant freed = START.plusSeconds(60);
    Seen resolved = held("resolved", "EMAIL", START.plusSeconds(1));
    resolved.steps.add(new Step(freed, "RESOLVED", null, "duty-1", ""));
    Seen other = held("other", "EMAIL", START.plusSeconds(2));
    Seen waitingP3 = waiting("waiting-p3", "P3", START.plusSeconds(30));
    Seen urgent = ranked(held("urgent", "EMAIL", freed.plusMillis(9)), "P2", START.plusSeconds(40));
    RoomModel handedToUrgent =
        new RoomModel(
            roster,
            List.of(),
            List.of(resolved, other, waitingP3, urgent),
            START.plusSeconds(3600));

    Instant sampled = freed.plusMillis(1);
    assertThat(handedToUrgent.roomAt("support", "EMAIL", "ru", null, Set.of(), sampled))
        .as("the load just before the hand-over shows a free slot")
        .isNotNull();
    assertThat(handedToUrgent.roomFor(waitingP3, Set.of(), sampled))
        .as("a P2 took it 9 ms later: routing ranked it first")
        .isNull();

    Seen laterP3 = ranked(held("later", "EMAIL", freed.plusMillis(9)), "P3", START.plusSeconds(50));
    RoomModel handedToLater =
        new RoomModel(
            roster,
            List.of(),
            List.of(resolved, other, waitingP3, laterP3),
            START.plusSeconds(3600));
    assertThat(handedToLater.roomFor(waitingP3, Set.of(), sampled))
        .as("a P3 received after the waiting one jumped the queue: that was room")
        .isNotNull();
  }

  private static Seen waiting(String id, String priority, Instant receivedAt) {
    Seen seen = new Seen(id);
    seen.channel = "EMAIL";
    seen.team = "support";
    seen.language = "ru";
    return ranked(seen, priority, receivedAt);
  }

  private static Seen ranked(Seen seen, String priority, Instant receivedAt) {
    seen.priority = priority;
    seen.receivedAt = receivedAt;
    return seen;
  }

  private static Seen held(String id, String channel, Instant at) {
    Seen seen = new Seen(id);
    seen.channel = channel;
    seen.steps.add(new Step(at, "ASSIGNED", "duty-1", "system", "LEAST_LOADED"));
    return seen;
  }
}
