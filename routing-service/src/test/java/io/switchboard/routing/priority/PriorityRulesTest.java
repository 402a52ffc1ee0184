package io.switchboard.routing.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Priority;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {

  @Test
  void customerLosingMoneyComesBeforeAHowToQuestion() {
    assertThat(PriorityRules.decide(Channel.EMAIL, "Оплата", "Списали деньги дважды"))
        .isEqualTo(Priority.P2);
    assertThat(PriorityRules.decide(Channel.EMAIL, "Question", "How do I add a picture?"))
        .isEqualTo(Priority.P3);
  }

  @Test
  void englishUrgencyAndMissedCallsAreRaised() {
    assertThat(PriorityRules.decide(Channel.CHAT, null, "URGENT: checkout outage"))
        .isEqualTo(Priority.P2);
    assertThat(PriorityRules.decide(Channel.PHONE, null, "Missed call")).isEqualTo(Priority.P2);
  }
}
