package io.switchboard.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment whose office calendar keeps Berlin hours and whose home zone is Vladivostok: the
 * clocks tell their due times, and whether the customer wrote outside working hours, by the
 * calendar that decided them, as configured.
 */
@QuarkusTest
@TestProfile(ConfiguredCalendarZoneTest.BerlinOffice.class)
@WithTestResource(SwitchboardTestResource.class)
class ConfiguredCalendarZoneTest {
  public static class BerlinOffice implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "sla.time-zone", "Asia/Vladivostok",
          "sla.calendars.office.zone", "Europe/Berlin",
          "sla.calendars.office.week", "MON-FRI 09:00-18:00");
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void aWebFormIsJudgedByTheOfficeCalendarsOwnZone() {
    // Tuesday 08:30 in Berlin (10:30 in Moscow, where the built-in office would be open). Years
    // ahead, so that no timer falls due during the test.
    InquiryReceived early =
        EventFixtures.inquiryReceived()
            .channel(Channel.WEB_FORM)
            .occurredAt(Instant.parse("2030-03-05T07:30:00Z"))
            .build();
    InquiryReceived open =
        EventFixtures.inquiryReceived()
            .channel(Channel.WEB_FORM)
            .occurredAt(Instant.parse("2030-03-05T08:30:00Z"))
            .build();

    kafka.publish(early);
    kafka.publish(open);

    ClockStarted beforeOpening =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(early.inquiryId()));
    assertThat(beforeOpening.zone()).isEqualTo("Europe/Berlin");
    assertThat(beforeOpening.offHours()).isTrue();
    assertThat(beforeOpening.dueAt())
        .as("an hour after Berlin's 09:00")
        .isEqualTo(Instant.parse("2030-03-05T09:00:00Z"));
    ClockStarted withinHours =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(open.inquiryId()));
    assertThat(withinHours.zone()).isEqualTo("Europe/Berlin");
    assertThat(withinHours.offHours()).isFalse();
    assertThat(withinHours.dueAt()).isEqualTo(Instant.parse("2030-03-05T09:30:00Z"));
  }

  @Test
  void aChatClockTellsItsDueTimeInTheConfiguredHomeZone() {
    InquiryReceived chat =
        EventFixtures.inquiryReceived()
            .channel(Channel.CHAT)
            .occurredAt(Instant.parse("2030-03-05T07:30:00Z"))
            .build();

    kafka.publish(chat);

    ClockStarted started =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(chat.inquiryId()));
    assertThat(started.zone()).isEqualTo("Asia/Vladivostok");
    assertThat(started.offHours()).isFalse();
  }
}
