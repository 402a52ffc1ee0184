package io.switchboard.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "CHAT, PT2M, ",
    "PHONE, PT15M, ",
    "EMAIL, PT1H, office",
    "WEB_FORM, PT1H, office",
    "TELEGRAM, PT1H, office"
  })
  void defaultFirstResponseFollowsHowTheCustomerReachedUs(
      Channel channel, Duration target, String calendar) {
    PolicyRule rule = SlaPolicy.defaults().select(ClockKind.FIRST_RESPONSE, channel, null, null);
    assertThat(rule.target()).isEqualTo(target);
    assertThat(rule.calendar()).isEqualTo(calendar);
    assertThat(rule.businessTime()).isEqualTo(calendar != null);
  }

  @Test
  void writtenChannelsAreNeverAnsweredLaterThanADay() {
    PolicyRule rule =
        SlaPolicy.defaults().select(ClockKind.FIRST_RESPONSE, Channel.EMAIL, Priority.P4, "x");
    assertThat(rule.cap()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void urgentInquiriesAreResolvedAroundTheClock() {
    SlaPolicy policy = SlaPolicy.defaults();
    PolicyRule p1 = policy.select(ClockKind.RESOLUTION, Channel.EMAIL, Priority.P1, null);
    assertThat(p1.target()).isEqualTo(Duration.ofHours(4));
    assertThat(p1.businessTime()).isFalse();
    assertThat(policy.select(ClockKind.RESOLUTION, Channel.EMAIL, null, null).calendar())
        .isEqualTo("office");
  }

  @Test
  void mostSpecificRuleWins() {
    SlaPolicy policy =
        new SlaPolicy(
            List.of(
                rule("any", Set.of(), Set.of(), Set.of(), "PT1H"),
                rule("chat", Set.of(Channel.CHAT), Set.of(), Set.of(), "PT5M"),
                rule("chat-p1", Set.of(Channel.CHAT), Set.of(Priority.P1), Set.of(), "PT1M"),
                rule(
                    "vip-chat-p1",
                    Set.of(Channel.CHAT),
                    Set.of(Priority.P1),
                    Set.of("key-account"),
                    "PT30S"),
                next(),
                resolution()));

    assertThat(pick(policy, Channel.EMAIL, Priority.P1, "key-account")).isEqualTo("any");
    assertThat(pick(policy, Channel.CHAT, Priority.P2, null)).isEqualTo("chat");
    assertThat(pick(policy, Channel.CHAT, Priority.P1, "retail")).isEqualTo("chat-p1");
    assertThat(pick(policy, Channel.CHAT, Priority.P1, "key-account")).isEqualTo("vip-chat-p1");
  }

  @Test
  void everyClockNeedsACatchAllRule() {
    assertThatThrownBy(
            () ->
                new SlaPolicy(
                    List.of(rule("chat", Set.of(Channel.CHAT), Set.of(), Set.of(), "PT5M"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FIRST_RESPONSE");
  }

  @Test
  void targetsAreWholePositiveSeconds() {
    assertThatThrownBy(() -> rule("zero", Set.of(), Set.of(), Set.of(), "PT0S"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero");
    assertThatThrownBy(() -> rule("half", Set.of(), Set.of(), Set.of(), "PT1.5S"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
  }

  @Test
  void unconfiguredServiceUsesTheBuiltInPolicy() {
    SlaPolicy configured = SlaPolicies.fromConfig(config(Map.of()));
    assertThat(configured.rules()).isEqualTo(SlaPolicy.defaults().rules());
  }

  @Test
  void configuredRulesReplaceTheBuiltInOnes() {
    SlaPolicy configured =
        SlaPolicies.fromConfig(
            config(
                Map.ofEntries(
                    Map.entry("sla.rules.fr.clock", "FIRST_RESPONSE"),
                    Map.entry("sla.rules.fr.target", "5m"),
                    Map.entry("sla.rules.vip.clock", "FIRST_RESPONSE"),
                    Map.entry("sla.rules.vip.segments", "key-account"),
                    Map.entry("sla.rules.vip.target", "PT90S"),
                    Map.entry("sla.rules.vip.calendar", "office"),
                    Map.entry("sla.rules.vip.cap", "8h"),
                    Map.entry("sla.rules.nr.clock", "NEXT_RESPONSE"),
                    Map.entry("sla.rules.nr.target", "1h"),
                    Map.entry("sla.rules.res.clock", "RESOLUTION"),
                    Map.entry("sla.rules.res.target", "2d"))));

    assertThat(configured.select(ClockKind.FIRST_RESPONSE, Channel.CHAT, null, null).target())
        .isEqualTo(Duration.ofMinutes(5));
    PolicyRule vip =
        configured.select(ClockKind.FIRST_RESPONSE, Channel.CHAT, Priority.P3, "key-account");
    assertThat(vip.target()).isEqualTo(Duration.ofSeconds(90));
    assertThat(vip.calendar()).isEqualTo("office");
    assertThat(vip.cap()).isEqualTo(Duration.ofHours(8));
    assertThat(configured.select(ClockKind.RESOLUTION, Channel.CHAT, null, null).target())
        .isEqualTo(Duration.ofDays(2));
  }

  private static String pick(SlaPolicy policy, Channel channel, Priority priority, String segment) {
    return policy.select(ClockKind.FIRST_RESPONSE, channel, priority, segment).name();
  }

  private static PolicyRule rule(
      String name,
      Set<Channel> channels,
      Set<Priority> priorities,
      Set<String> segments,
      String target) {
    return new PolicyRule(
        name,
        ClockKind.FIRST_RESPONSE,
        channels,
        priorities,
        segments,
        Duration.parse(target),
        null,
        null);
  }

  private static PolicyRule next() {
    return new PolicyRule(
        "next",
        ClockKind.NEXT_RESPONSE,
        Set.of(),
        Set.of(),
        Set.of(),
        Duration.ofHours(1),
        null,
        null);
  }

  private static PolicyRule resolution() {
    return new PolicyRule(
        "resolution",
        ClockKind.RESOLUTION,
        Set.of(),
        Set.of(),
        Set.of(),
        Duration.ofDays(1),
        null,
        null);
  }

  private static SlaConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(SlaConfig.class)
        // Quarkus's own converter, so that "2m" reads here as it does in the service.
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build()
        .getConfigMapping(SlaConfig.class);
  }
}
