package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operators of the routing directory as the simulator staffs the day with them: skills and
 * capacities as routing knows them, the real-time schedule routing judges shifts by, the simulated
 * shift the simulator brings them online for, and every presence they stated.
 */
final class Roster {
  /** Shifts for operators whose directory schedule is "always on": the simulator's rota. */
  private static final LocalTime[][] ROTA = {
    {LocalTime.of(7, 0), LocalTime.of(16, 0)},
    {LocalTime.of(9, 0), LocalTime.of(18, 0)},
    {LocalTime.of(8, 0), LocalTime.of(17, 0)},
    {LocalTime.of(10, 0), LocalTime.of(19, 0)},
    {LocalTime.of(12, 0), LocalTime.of(21, 0)},
    {LocalTime.of(15, 0), LocalTime.of(0, 0)}
  };

  /** A presence the operator stated, or {@code ONLINE} for a heartbeat. */
  record Mark(Instant at, String presence) {}

  /** One operator (or a team's supervisor, who takes what forwarding escalates). */
  static final class Member {
    final String id;
    final String name;
    final String team;
    final boolean alwaysPresent;
    final Set<String> languages;
    final Set<String> topics;
    final Set<String> channels;
    final Map<String, Integer> capacity;
    final JsonNode schedule;

    /** The simulated shift; null: the whole day (duty operators, supervisors). */
    final LocalTime shiftStart;

    final LocalTime shiftEnd;
    final boolean inDirectory;
    private final List<Mark> marks = new ArrayList<>();

    Member(JsonNode spec, int index, boolean inDirectory) {
      this.id = spec.path("id").asText();
      this.name = spec.path("name").asText(id);
      this.team = spec.path("team").asText(null);
      this.alwaysPresent = spec.path("alwaysPresent").asBoolean(false);
      this.languages = strings(spec.path("languages"));
      this.topics = strings(spec.path("topics"));
      this.channels = strings(spec.path("channels"));
      Map<String, Integer> capacities = new HashMap<>();
      spec.path("capacity")
          .fields()
          .forEachRemaining(e -> capacities.put(e.getKey(), e.getValue().asInt()));
      this.capacity = Map.copyOf(capacities);
      this.schedule = spec.path("schedule");
      this.inDirectory = inDirectory;
      boolean alwaysOn = schedule.isMissingNode() || schedule.path("alwaysOn").asBoolean(false);
      if (alwaysPresent || !inDirectory) {
        shiftStart = null;
        shiftEnd = null;
      } else if (alwaysOn || !schedule.path("shifts").isArray()) {
        shiftStart = ROTA[index % ROTA.length][0];
        shiftEnd = ROTA[index % ROTA.length][1];
      } else {
        // The directory's own first shift, run on the simulated clock.
        JsonNode first = schedule.path("shifts").get(0);
        shiftStart = LocalTime.parse(first.path("start").asText("09:00"));
        shiftEnd = LocalTime.parse(first.path("end").asText("18:00"));
      }
    }

    /** How many inquiries of a channel the operator holds at once (routing's rule). */
    int capacity(String channel) {
      if (capacity.isEmpty()) {
        return 1;
      }
      return capacity.getOrDefault(channel, capacity.getOrDefault("default", 1));
    }

    /** Empty skill sets take anything; a null language or topic asks for nothing. */
    boolean skilled(String channel, String language, String topic) {
      return (channels.isEmpty() || channels.contains(channel))
          && (language == null || languages.isEmpty() || languages.contains(language))
          && (topic == null || topics.isEmpty() || topics.contains(topic));
    }

    /** Whether the simulated moment lies in the operator's simulated shift. */
    boolean onSimulatedShift(LocalDateTime sim) {
      if (shiftStart == null) {
        return true;
      }
      LocalTime t = sim.toLocalTime();
      return shiftEnd.isAfter(shiftStart)
          ? !t.isBefore(shiftStart) && t.isBefore(shiftEnd)
          : !t.isBefore(shiftStart) || t.isBefore(shiftEnd);
    }

    /** Routing's own judgement of the shift: the directory schedule on the real clock. */
    boolean onRealShift(Instant at) {
      if (schedule.isMissingNode() || schedule.isNull() || schedule.path("alwaysOn").asBoolean()) {
        return true;
      }
      ZoneId zone = ZoneId.of(schedule.path("timeZone").asText("UTC"));
      LocalDateTime local = LocalDateTime.ofInstant(at, zone);
      Set<LocalDate> holidays = new HashSet<>();
      schedule.path("holidays").forEach(h -> holidays.add(LocalDate.parse(h.asText())));
      for (JsonNode shift : schedule.path("shifts")) {
        Set<DayOfWeek> days = new HashSet<>();
        shift.path("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
        LocalTime start = LocalTime.parse(shift.path("start").asText());
        LocalTime end = LocalTime.parse(shift.path("end").asText());
        boolean overnight = !end.isAfter(start);
        LocalDate today = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (works(days, holidays, today)
            && !time.isBefore(start)
            && (overnight || time.isBefore(end))) {
          return true;
        }
        if (overnight && works(days, holidays, today.minusDays(1)) && time.isBefore(end)) {
          return true;
        }
      }
      return false;
    }

    synchronized boolean wasOnline() {
      return marks.stream().anyMatch(m -> m.presence().equals("ONLINE"));
    }

    synchronized void mark(Instant at, String presence) {
      marks.add(new Mark(at, presence));
    }

    /**
     * Present for routing at {@code at}: a duty operator always; otherwise online by the last
     * presence stated, and seen (stated or heartbeat) within the idle timeout.
     */
    synchronized boolean presentAt(Instant at, Duration idleTimeout) {
      if (alwaysPresent) {
        return true;
      }
      Mark last = null;
      for (Mark mark : marks) {
        if (mark.at().isAfter(at)) {
          break;
        }
        last = mark;
      }
      return last != null
          && last.presence().equals("ONLINE")
          && !last.at().plus(idleTimeout).isBefore(at);
    }

    String shiftText() {
      if (alwaysPresent) {
        return "duty, always present";
      }
      if (shiftStart == null) {
        return "supervisor: takes what forwarding escalates";
      }
      return shiftStart + "–" + shiftEnd + " (simulated)";
    }

    private static boolean works(Set<DayOfWeek> days, Set<LocalDate> holidays, LocalDate date) {
      return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private static Set<String> strings(JsonNode array) {
      Set<String> values = new HashSet<>();
      array.forEach(v -> values.add(v.asText()));
      return Set.copyOf(values);
    }
  }

  private final Map<String, Member> members = new LinkedHashMap<>();

  /** From {@code GET /api/admin/directory}; team supervisors not in it join as supervisors. */
  Roster(JsonNode directory) {
    int rota = 0;
    for (JsonNode operator : directory.path("operators")) {
      boolean duty = operator.path("alwaysPresent").asBoolean(false);
      Member member = new Member(operator, duty ? 0 : rota++, true);
      members.put(member.id, member);
    }
    for (JsonNode team : directory.path("teams")) {
      String supervisor = team.path("supervisor").asText(null);
      if (supervisor != null && !members.containsKey(supervisor)) {
        var spec =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("id", supervisor)
                .put("name", supervisor)
                .put("team", team.path("id").asText());
        members.put(supervisor, new Member(spec, 0, false));
      }
    }
  }

  Member get(String operatorId) {
    return operatorId == null ? null : members.get(operatorId);
  }

  List<Member> members() {
    return List.copyOf(members.values());
  }

  /** The directory's operators of a team, supervisors who are not in it left out. */
  List<Member> team(String team) {
    return members.values().stream()
        .filter(m -> m.inDirectory && m.team != null && m.team.equals(team))
        .toList();
  }
}
