package io.switchboard.routing.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.contracts.Channel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The directory file format, also the admin API's body. Pure data, validated on conversion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectorySpec(List<TeamSpec> teams, List<OperatorSpec> operators) {

  public List<TeamSpec> teamsOrEmpty() {
    return teams == null ? List.of() : teams;
  }

  public List<OperatorSpec> operatorsOrEmpty() {
    return operators == null ? List.of() : operators;
  }

  /** A team; {@code supervisor} is the operator id forwarding ends with. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TeamSpec(String id, String name, String supervisor, RoutingMode routingMode) {
    public RoutingMode routingModeOrDefault() {
      return routingMode == null ? RoutingMode.LEAST_LOADED : routingMode;
    }
  }

  /**
   * An operator. Empty skill sets mean "any". {@code capacity} maps a channel name, or {@code
   * default} for the channels not named, to how many inquiries the operator holds at once.
   *
   * @param alwaysPresent duty operators count as present without logging in
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OperatorSpec(
      String id,
      String team,
      String name,
      String email,
      Boolean alwaysPresent,
      Set<String> languages,
      Set<String> topics,
      Set<Channel> channels,
      Map<String, Integer> capacity,
      ScheduleSpec schedule) {

    public Skills skills() {
      return new Skills(
          languages == null ? Set.of() : languages,
          topics == null ? Set.of() : topics,
          channels == null ? Set.of() : channels);
    }

    public int defaultCapacity() {
      return capacity == null ? 1 : capacity.getOrDefault("default", 1);
    }

    public Map<Channel, Integer> capacityPerChannel() {
      Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        perChannel.put(
            channel,
            capacity == null ? 1 : capacity.getOrDefault(channel.name(), defaultCapacity()));
      }
      return perChannel;
    }

    public WeeklySchedule weeklySchedule() {
      return schedule == null ? WeeklySchedule.AROUND_THE_CLOCK : schedule.toSchedule();
    }

    /** Throws when the spec cannot route: missing ids, unknown time zone, bad capacity. */
    public OperatorSpec validated() {
      require(id != null && id.matches("[A-Za-z0-9._-]{1,64}"), "operator id");
      require(team != null && !team.isBlank(), "operator " + id + ": team");
      require(
          capacity == null || capacity.values().stream().allMatch(c -> c != null && c >= 0),
          "operator " + id + ": capacities must be 0 or more");
      try {
        weeklySchedule();
      } catch (java.time.DateTimeException | NullPointerException e) {
        throw new IllegalArgumentException(
            "Invalid directory entry: operator " + id + ": schedule: " + e.getMessage(), e);
      }
      return this;
    }
  }

  /** Skills an inquiry is matched against; an empty set accepts anything. */
  public record Skills(Set<String> languages, Set<String> topics, Set<Channel> channels) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScheduleSpec(
      String timeZone, Boolean alwaysOn, List<ShiftSpec> shifts, List<LocalDate> holidays) {
    WeeklySchedule toSchedule() {
      return new WeeklySchedule(
          ZoneId.of(timeZone == null ? "UTC" : timeZone),
          shifts == null ? List.of() : shifts.stream().map(ShiftSpec::toShift).toList(),
          holidays == null ? Set.of() : Set.copyOf(holidays),
          Boolean.TRUE.equals(alwaysOn));
    }
  }

  /** {@code start}/{@code end} as HH:mm; an end at or before the start runs past midnight. */
  public record ShiftSpec(List<DayOfWeek> days, String start, String end) {
    Shift toShift() {
      return new Shift(Set.copyOf(days), LocalTime.parse(start), LocalTime.parse(end));
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("Invalid directory entry: " + what);
    }
  }
}
