package io.switchboard.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ZoneNamesTest {
  private static final Instant WINTER = Instant.parse("2026-11-24T08:19:00Z");
  private static final Instant SUMMER = Instant.parse("2026-07-14T08:19:00Z");

  @Test
  void moscowIsMskAndMoscowTime() {
    ZoneId moscow = ZoneId.of("Europe/Moscow");

    assertThat(ZoneNames.of(moscow, WINTER, Language.RU)).isEqualTo("МСК");
    assertThat(ZoneNames.of(moscow, WINTER, Language.EN)).isEqualTo("Moscow time");
  }

  @Test
  void otherZonesAreAnOffsetInRussianWhichFollowsSummerTime() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(ZoneNames.of(berlin, WINTER, Language.RU)).isEqualTo("UTC+1");
    assertThat(ZoneNames.of(berlin, SUMMER, Language.RU)).isEqualTo("UTC+2");
    assertThat(ZoneNames.of(ZoneId.of("Asia/Kolkata"), WINTER, Language.RU)).isEqualTo("UTC+5:30");
    assertThat(ZoneNames.of(ZoneId.of("America/New_York"), WINTER, Language.RU)).isEqualTo("UTC-5");
  }

  @Test
  void otherZonesHaveTheirEnglishName() {
    assertThat(ZoneNames.of(ZoneId.of("Europe/Berlin"), WINTER, Language.EN))
        .isEqualTo("Central European Time");
    assertThat(ZoneNames.of(ZoneId.of("Asia/Yekaterinburg"), WINTER, Language.EN))
        .isEqualTo("Yekaterinburg Time");
  }

  @Test
  void utcAndFixedOffsetsAreCalledSoInBothLanguages() {
    assertThat(ZoneNames.of(ZoneId.of("UTC"), WINTER, Language.EN)).isEqualTo("UTC");
    assertThat(ZoneNames.of(ZoneOffset.UTC, WINTER, Language.RU)).isEqualTo("UTC");
    assertThat(ZoneNames.of(ZoneOffset.ofHours(3), WINTER, Language.EN)).isEqualTo("UTC+3");
  }
}
