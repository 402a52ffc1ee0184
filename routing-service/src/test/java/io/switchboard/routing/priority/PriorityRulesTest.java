package io.switchboard.routing.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.Priority;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {
  private static final PriorityRules BUILT_IN =
      PriorityRules.parse(
          PriorityRulesTest.class.getClassLoader().getResourceAsStream("priority-rules.yaml"));

  private static PriorityDecision decide(
      Channel channel, String segment, String subject, String text) {
    return BUILT_IN.decide(PriorityInput.of(channel, InquiryKind.MESSAGE, segment, subject, text));
  }

  @Test
  void customerLosingMoneyComesBeforeAHowToQuestion() {
    PriorityDecision money = decide(Channel.EMAIL, null, "Оплата", "Списали деньги дважды");
    assertThat(money.priority()).isEqualTo(Priority.P1);
    assertThat(money.matchedRules()).containsExactly("money-lost");

    PriorityDecision question = decide(Channel.EMAIL, null, "Question", "How do I add a picture?");
    assertThat(question.priority()).isEqualTo(Priority.P3);
    assertThat(question.matchedRules()).isEmpty();
  }

  @Test
  void inflectedRussianFormsMatchThroughPatterns() {
    assertThat(decide(Channel.CHAT, null, null, "У меня списала банк деньги").priority())
        .isEqualTo(Priority.P1);
    assertThat(decide(Channel.CHAT, null, null, "деньги списали, а заказа нет").priority())
        .isEqualTo(Priority.P1);
  }

  @Test
  void englishUrgencyRecordsEveryMatchingRuleInOrder() {
    PriorityDecision decision = decide(Channel.CHAT, null, null, "URGENT: checkout outage");
    assertThat(decision.priority()).isEqualTo(Priority.P2);
    assertThat(decision.matchedRules()).containsExactly("outage", "urgent-words");
  }

  @Test
  void keywordsMatchWholeWordsOnly() {
    assertThat(decide(Channel.EMAIL, null, "Download", "Where is the downloaded file?").priority())
        .isEqualTo(Priority.P3);
    assertThat(decide(Channel.EMAIL, null, null, "Нужно несрочное уточнение").priority())
        .isEqualTo(Priority.P3);
  }

  @Test
  void yoIsReadAsYeAndCaseIsIgnored() {
    PriorityRules rules =
        PriorityRules.parse(
            new ByteArrayInputStream(
                "rules:\n  - name: invoice\n    priority: P2\n    keywords: [\"счёт\"]\n"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(rules.decide(PriorityInput.of(Channel.EMAIL, null, null, "СЧЕТ", "")).priority())
        .isEqualTo(Priority.P2);
    assertThat(decide(Channel.EMAIL, null, null, "СРОЧНО!").priority()).isEqualTo(Priority.P2);
  }

  @Test
  void segmentRaisesAKeyAccountOutageToP1() {
    PriorityDecision decision = decide(Channel.EMAIL, "key-account", null, "Оплата не работает");
    assertThat(decision.priority()).isEqualTo(Priority.P1);
    assertThat(decision.matchedRules())
        .containsExactly("key-account-outage", "outage", "key-account");
    assertThat(decide(Channel.EMAIL, "regular", null, "Оплата не работает").priority())
        .isEqualTo(Priority.P2);
  }

  @Test
  void missedCallsAndPhoneAreRaised() {
    PriorityDecision missed =
        BUILT_IN.decide(
            PriorityInput.of(Channel.PHONE, InquiryKind.MISSED_CALL, null, null, "Missed call"));
    assertThat(missed.priority()).isEqualTo(Priority.P2);
    assertThat(missed.matchedRules()).containsExactly("missed-call", "phone");
  }

  @Test
  void thanksWithoutAProblemWaitsLongest() {
    assertThat(decide(Channel.WEB_FORM, null, "Отзыв", "Спасибо за быструю помощь").priority())
        .isEqualTo(Priority.P4);
  }

  @Test
  void firstMatchingRuleDecidesInFileOrder() {
    String yaml =
        """
        default: P4
        rules:
          - name: chat
            priority: P3
            channels: [CHAT]
          - name: urgent
            priority: P1
            keywords: [urgent]
        """;
    PriorityRules rules =
        PriorityRules.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    PriorityDecision decision =
        rules.decide(PriorityInput.of(Channel.CHAT, null, null, null, "urgent"));
    assertThat(decision.priority()).isEqualTo(Priority.P3);
    assertThat(decision.matchedRules()).containsExactly("chat", "urgent");
    assertThat(rules.decide(PriorityInput.of(Channel.EMAIL, null, null, null, "hi")).priority())
        .isEqualTo(Priority.P4);
  }

  @Test
  void aRuleWithoutPriorityOrAnUnknownFieldIsRefused() {
    assertThatThrownBy(
            () ->
                PriorityRules.parse(
                    new ByteArrayInputStream(
                        "rules:\n  - name: x\n    keywords: [a]\n"
                            .getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("priority");
    assertThatThrownBy(
            () ->
                PriorityRules.parse(
                    new ByteArrayInputStream(
                        "rules:\n  - name: x\n    priority: P1\n    keyword: [a]\n"
                            .getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(RuntimeException.class);
  }
}
