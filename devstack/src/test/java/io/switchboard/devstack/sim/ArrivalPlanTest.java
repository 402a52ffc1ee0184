package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devstack.sim.PlannedArrival.Kind;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArrivalPlanTest {
  private static final SimClock MONDAY = new SimClock(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, 60);

  @Test
  void theSameSeedGivesTheSameDayAndAnotherSeedAnother() {
    List<PlannedArrival> one = ArrivalPlan.draw(MONDAY.simStart(), 24, 40, 42, "r1");
    List<PlannedArrival> again = ArrivalPlan.draw(MONDAY.simStart(), 24, 40, 42, "r1");
    List<PlannedArrival> other = ArrivalPlan.draw(MONDAY.simStart(), 24, 40, 43, "r1");

    assertThat(again).isEqualTo(one);
    assertThat(other).isNotEqualTo(one);
  }

  @Test
  void theMorningIsBusyAndTheNightQuiet() {
    List<PlannedArrival> day = ArrivalPlan.draw(MONDAY.simStart(), 24, 60, 1, "r1");
    Map<Integer, Long> perHour =
        day.stream().collect(Collectors.groupingBy(a -> a.at().getHour(), Collectors.counting()));

    long morning = perHour.getOrDefault(9, 0L) + perHour.getOrDefault(10, 0L);
    long night = perHour.getOrDefault(2, 0L) + perHour.getOrDefault(3, 0L);
    assertThat(morning).isGreaterThan(60);
    assertThat(night).isLessThan(15);
    assertThat(day).isSortedAccordingTo(java.util.Comparator.comparing(PlannedArrival::at));
  }

  @Test
  void everyChannelAutomaticMailBadAddressesAndReturningCustomersOccur() {
    List<PlannedArrival> day = ArrivalPlan.draw(MONDAY.simStart().withHour(8), 4, 40, 7, "r1");

    assertThat(day).extracting(PlannedArrival::channel).contains(SimChannel.values());
    assertThat(day).extracting(PlannedArrival::kind).contains(Kind.AUTO_REPLY, Kind.NEWSLETTER);
    assertThat(day).anyMatch(a -> a.customer().badAddress());
    assertThat(day).filteredOn(PlannedArrival::returning).isNotEmpty();
    assertThat(day)
        .filteredOn(a -> a.kind().automatic())
        .allMatch(a -> a.channel() == SimChannel.EMAIL && !a.returning());
    assertThat(day)
        .filteredOn(a -> a.kind() == Kind.MESSAGE)
        .allSatisfy(a -> assertThat(a.text().body()).contains(a.order()));
  }

  @Test
  void aReturningCustomerComesBackOnAnotherChannelThatKnowsThem() {
    List<PlannedArrival> day = ArrivalPlan.draw(MONDAY.simStart().withHour(8), 8, 60, 3, "r1");
    for (PlannedArrival back : day) {
      if (!back.returning()) {
        continue;
      }
      PlannedArrival before =
          day.stream()
              .filter(a -> a.customer().equals(back.customer()) && a.at().isBefore(back.at()))
              .reduce((first, second) -> second)
              .orElseThrow();
      assertThat(back.channel()).isNotEqualTo(before.channel());
      assertThat(back.channel()).isNotEqualTo(SimChannel.TELEGRAM);
      if (back.customer().email() == null) {
        assertThat(back.channel()).isIn(SimChannel.PHONE, SimChannel.WEB_FORM);
      }
    }
  }
}
