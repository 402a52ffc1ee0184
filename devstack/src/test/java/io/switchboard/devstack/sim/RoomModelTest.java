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

  private static Seen held(String id, String channel, Instant at) {
    Seen seen = new Seen(id);
    seen.channel = channel;
    seen.steps.add(new Step(at, "ASSIGNED", "duty-1", "system", "LEAST_LOADED"));
    return seen;
  }
}
