package io.switchboard.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.switchboard.contracts.Channel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FirstResponsePolicyTest {

  @ParameterizedTest
  @CsvSource({"CHAT, PT2M", "PHONE, PT15M", "EMAIL, PT1H", "WEB_FORM, PT1H", "TELEGRAM, PT1H"})
  void defaultTargetFollowsHowTheCustomerReachedUs(Channel channel, Duration expected) {
    assertThat(FirstResponsePolicy.defaults().target(channel)).isEqualTo(expected);
  }

  // The defaults live twice, as constants here and as @WithDefault strings; this keeps them equal.
  @ParameterizedTest
  @EnumSource(Channel.class)
  void unconfiguredServiceUsesTheDomainDefaults(Channel channel) {
    FirstResponsePolicy configured = new SlaPolicies().firstResponse(config(Map.of()));
    assertThat(configured.target(channel))
        .isEqualTo(FirstResponsePolicy.defaults().target(channel));
  }

  @Test
  void configuredTargetOverridesOnlyItsChannel() {
    FirstResponsePolicy configured =
        new SlaPolicies()
            .firstResponse(
                config(
                    Map.of(
                        "sla.first-response.chat", "5m",
                        "sla.first-response.web-form", "PT4H")));

    assertThat(configured.target(Channel.CHAT)).isEqualTo(Duration.ofMinutes(5));
    assertThat(configured.target(Channel.WEB_FORM)).isEqualTo(Duration.ofHours(4));
    assertThat(configured.target(Channel.PHONE)).isEqualTo(Duration.ofMinutes(15));
    assertThat(configured.target(Channel.EMAIL)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void targetsAreWholePositiveSeconds() {
    Duration hour = Duration.ofHours(1);
    assertThatThrownBy(() -> new FirstResponsePolicy(Duration.ZERO, hour, hour, hour, hour))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHAT");
    assertThatThrownBy(
            () -> new FirstResponsePolicy(hour, Duration.ofMillis(1500), hour, hour, hour))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PHONE");
  }

  @Test
  void countsCalendarTimeUntilBusinessHoursExist() {
    assertThat(FirstResponsePolicy.defaults().businessTime()).isFalse();
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
