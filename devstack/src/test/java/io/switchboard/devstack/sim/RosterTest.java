package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RosterTest {
  private static final String DIRECTORY =
      """
      {"teams":[{"id":"support","supervisor":"lead-1"}],
       "operators":[
        {"id":"duty-1","team":"support","alwaysPresent":true,"capacity":{"default":10},
         "schedule":{"alwaysOn":true}},
        {"id":"anna","team":"support","languages":["ru"],"topics":["billing"],
         "capacity":{"default":3,"CHAT":1},"schedule":{"alwaysOn":true}},
        {"id":"night","team":"support","capacity":{"default":2},
         "schedule":{"timeZone":"Europe/Moscow","shifts":[{"days":["FRIDAY"],"start":"22:00","end":"06:00"}]}}]}
      """;

  @Test
  void skillsCapacitiesAndShiftsFollowRoutingsRules() throws Exception {
    Roster roster = new Roster(new ObjectMapper().readTree(DIRECTORY));
    Roster.Member anna = roster.get("anna");
    Roster.Member night = roster.get("night");

    assertThat(roster.get("lead-1").inDirectory).isFalse();
    assertThat(roster.team("support"))
        .extracting(m -> m.id)
        .containsExactly("duty-1", "anna", "night");
    assertThat(anna.capacity("CHAT")).isEqualTo(1);
    assertThat(anna.capacity("EMAIL")).isEqualTo(3);
    assertThat(anna.skilled("EMAIL", "ru", "billing")).isTrue();
    assertThat(anna.skilled("EMAIL", "en", "billing")).isFalse();
    assertThat(anna.skilled("EMAIL", "ru", "delivery")).isFalse();
    assertThat(anna.shiftStart).as("the rota's first shift").hasToString("07:00");
    assertThat(anna.onSimulatedShift(LocalDateTime.parse("2026-11-23T06:59"))).isFalse();
    assertThat(anna.onSimulatedShift(LocalDateTime.parse("2026-11-23T07:00"))).isTrue();
    // Friday 22:00 Moscow to Saturday 06:00: 19:00Z Friday .. 03:00Z Saturday.
    assertThat(night.onRealShift(Instant.parse("2026-11-27T19:30:00Z"))).isTrue();
    assertThat(night.onRealShift(Instant.parse("2026-11-28T02:59:00Z"))).isTrue();
    assertThat(night.onRealShift(Instant.parse("2026-11-28T03:00:00Z"))).isFalse();
    assertThat(night.onRealShift(Instant.parse("2026-11-26T19:30:00Z"))).isFalse();
  }

  @Test
  void presenceIsTheLastStatedOneWhileHeartbeatsKeepItFresh() throws Exception {
    Roster roster = new Roster(new ObjectMapper().readTree(DIRECTORY));
    Roster.Member anna = roster.get("anna");
    Instant t = Instant.parse("2026-11-23T09:00:00Z");
    anna.mark(t, "ONLINE");
    anna.mark(t.plusSeconds(60), "ONLINE");
    anna.mark(t.plusSeconds(600), "AWAY");
    Duration idle = Duration.ofMinutes(5);

    assertThat(anna.presentAt(t.minusSeconds(1), idle)).isFalse();
    assertThat(anna.presentAt(t.plusSeconds(30), idle)).isTrue();
    assertThat(anna.presentAt(t.plusSeconds(400), idle)).as("idle beyond the timeout").isFalse();
    assertThat(anna.presentAt(t.plusSeconds(601), idle)).isFalse();
    assertThat(roster.get("duty-1").presentAt(t.minusSeconds(9999), idle)).isTrue();
  }
}
