package io.switchboard.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

  @Test
  void picksTheOperatorWithTheMostSpareCapacity() {
    var busy = new OperatorLoad("a", "t", 10, 8);
    var free = new OperatorLoad("b", "t", 5, 1);
    assertThat(AssignmentPolicy.leastLoaded(List.of(busy, free))).contains(free);
  }

  @Test
  void neverAssignsAboveCapacity() {
    var full = new OperatorLoad("a", "t", 3, 3);
    assertThat(AssignmentPolicy.leastLoaded(List.of(full))).isEmpty();
  }

  @Test
  void breaksTiesByOperatorIdSoTheChoiceIsStable() {
    var second = new OperatorLoad("b", "t", 4, 2);
    var first = new OperatorLoad("a", "t", 4, 2);
    assertThat(AssignmentPolicy.leastLoaded(List.of(second, first))).contains(first);
  }
}
