package io.switchboard.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.notification.template.Language;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MessageComposerTest {
  private static final Instant NOW = Instant.parse("2026-11-24T08:19:03Z");

  @Test
  void theDueTimeIsToldInItsCalendarsZoneWithItsWorkingHours() {
    var promise =
        new ClaimedDelivery.Promise(
            Instant.parse("2026-11-24T09:19:00Z"), ZoneId.of("Europe/Moscow"), false);

    assertThat(MessageComposer.promised(promise, NOW, Language.RU))
        .containsEntry("expected", "до 12:19 сегодня (МСК)")
        .containsEntry("offHours", false);
  }

  @Test
  void offHoursComesFromSlaService() {
    var promise =
        new ClaimedDelivery.Promise(
            Instant.parse("2026-11-25T06:00:00Z"), ZoneId.of("Europe/Moscow"), true);

    assertThat(MessageComposer.promised(promise, NOW, Language.EN))
        .containsEntry("expected", "by 09:00 tomorrow, Wednesday (Moscow time)")
        .containsEntry("offHours", true);
  }

  @Test
  void withoutADueTimeNothingIsPromised() {
    assertThat(MessageComposer.promised(null, NOW, Language.EN))
        .containsEntry("expected", "")
        .containsEntry("offHours", false);
  }

  @Test
  void aDueTimeWithoutAZoneIsToldInUtcAndSaysSo() {
    var promise = new ClaimedDelivery.Promise(Instant.parse("2026-11-24T09:19:00Z"), null, false);

    assertThat(MessageComposer.promised(promise, NOW, Language.EN))
        .containsEntry("expected", "by 09:19 today (UTC)");
  }
}
