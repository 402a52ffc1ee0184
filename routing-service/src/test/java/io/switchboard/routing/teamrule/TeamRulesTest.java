package io.switchboard.routing.teamrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TeamRulesTest {
  private static final TeamRules BUILT_IN =
      TeamRules.parse(TeamRulesTest.class.getClassLoader().getResourceAsStream("team-rules.yaml"));

  private static final TeamRules CUSTOM =
      parse(
          """
          rules:
            - name: english-billing
              topic: billing
              team: billing-en
              languages: [en]
              keywords: ["refund", "invoice"]
            - name: billing
              topic: billing
              team: billing
              keywords: ["возврат денег", "счёт"]
            - name: vip-chat
              team: vip
              channels: [CHAT]
            - name: callbacks
              topic: callback
              kinds: [MISSED_CALL]
          """);

  private static TeamRules parse(String yaml) {
    return TeamRules.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static TeamDecision custom(Channel channel, String language, String text) {
    return CUSTOM.decide("support", channel, language, InquiryKind.MESSAGE, null, text);
  }

  @Test
  void theFirstMatchingRuleDecidesTopicAndTeamAndIsNamed() {
    assertThat(custom(Channel.EMAIL, "en", "Please refund my order"))
        .isEqualTo(new TeamDecision("billing-en", "billing", "english-billing"));
    // The same words in Russian text miss the English rule and hit the next one.
    assertThat(custom(Channel.CHAT, "ru", "Прошу возврат денег"))
        .isEqualTo(new TeamDecision("billing", "billing", "billing"));
    assertThat(custom(Channel.CHAT, "ru", "Добрый день"))
        .isEqualTo(new TeamDecision("vip", null, "vip-chat"));
  }

  @Test
  void nothingMatchingGoesToTheDefaultTeamWithoutTopic() {
    assertThat(custom(Channel.EMAIL, "ru", "Как добавить фото?"))
        .isEqualTo(new TeamDecision("support", null, null));
  }

  @Test
  void aRuleWithoutTeamKeepsTheDefaultTeamAndSetsTheTopic() {
    assertThat(CUSTOM.decide("support", Channel.PHONE, null, InquiryKind.MISSED_CALL, null, null))
        .isEqualTo(new TeamDecision("support", "callback", "callbacks"));
  }

  @Test
  void yoIsReadAsYeAndKeywordsMatchWholeWords() {
    assertThat(custom(Channel.EMAIL, "ru", "Пришлите СЧЕТ").rule()).isEqualTo("billing");
    assertThat(custom(Channel.EMAIL, "ru", "Пришлите счётчик").rule()).isNull();
  }

  @Test
  void builtInRulesSortRussianAndEnglishTextsByTopic() {
    assertThat(
            BUILT_IN
                .decide("support", Channel.EMAIL, "ru", null, "Оплата", "Списали деньги дважды")
                .topic())
        .isEqualTo("billing");
    assertThat(
            BUILT_IN
                .decide("support", Channel.CHAT, "en", null, null, "Where is my parcel? Courier?")
                .topic())
        .isEqualTo("delivery");
    assertThat(
            BUILT_IN.decide("support", Channel.CHAT, "ru", null, null, "Сайт не работает").topic())
        .isEqualTo("technical");
    TeamDecision question =
        BUILT_IN.decide("support", Channel.EMAIL, "en", null, "Hello", "How do I add a photo?");
    assertThat(question).isEqualTo(new TeamDecision("support", null, null));
  }

  @Test
  void aRuleNeedsANameAndATopicOrATeamAndUnknownKeysAreRefused() {
    assertThatThrownBy(() -> parse("rules: [{name: x, keywords: [a]}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Team rule x needs a topic, a team or both");
    assertThatThrownBy(() -> parse("rules: [{topic: t}]")).hasMessage("A team rule needs a name");
    assertThatThrownBy(() -> parse("rules: [{name: x, team: t, keyword: [a]}]"))
        .hasMessageContaining("Unreadable team rules");
  }
}
