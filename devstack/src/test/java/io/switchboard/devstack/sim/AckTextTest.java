package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AckTextTest {
  private static final Instant PROMISED = Instant.parse("2026-11-24T09:18:40Z");

  @Test
  void readsTheTimeAndTheZoneTheTextNames() {
    AckText russian = AckText.read("Мы рассчитываем ответить до 12:18 сегодня (МСК).");
    AckText english = AckText.read("We expect to reply by 12:18 today (Moscow time).");
    AckText utc = AckText.read("We expect to reply by 09:18 today (UTC).");

    assertThat(russian.time()).isEqualTo(LocalTime.of(12, 18));
    assertThat(russian.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    assertThat(english.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    assertThat(russian.says(PROMISED)).isTrue();
    assertThat(english.says(PROMISED)).isTrue();
    assertThat(utc.says(PROMISED)).isTrue();
  }

  @Test
  void aTimeWithoutAZoneOrAnotherMinuteIsNotThePromise() {
    AckText noZone = AckText.read("Сейчас нерабочее время. Мы ответим до 09:18 сегодня.");
    AckText wrong = AckText.read("Мы ответим до 12:25 сегодня (МСК).");
    AckText none = AckText.read("Ваше обращение зарегистрировано.");

    assertThat(noZone.time()).isEqualTo(LocalTime.of(9, 18));
    assertThat(noZone.zone()).isNull();
    assertThat(noZone.says(PROMISED)).isFalse();
    assertThat(wrong.says(PROMISED)).isFalse();
    assertThat(none.time()).isNull();
  }

  @Test
  void anOffsetOrAnIanaZoneCountsAsNamed() {
    assertThat(AckText.read("by 12:18 (UTC+3)").says(PROMISED)).isTrue();
    assertThat(AckText.read("by 12:18 Europe/Moscow").says(PROMISED)).isTrue();
    assertThat(AckText.read("by 12:19 today (МСК)").says(PROMISED)).as("rounded up").isTrue();
  }
}
