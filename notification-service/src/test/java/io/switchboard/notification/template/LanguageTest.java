package io.switchboard.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void regionalRussianTagIsRussianAndAnythingElseIsEnglish() {
    assertThat(Language.of("ru")).isEqualTo(Language.RU);
    assertThat(Language.of("ru-RU")).isEqualTo(Language.RU);
    assertThat(Language.of("ru_RU")).isEqualTo(Language.RU);
    assertThat(Language.of("de")).isEqualTo(Language.EN);
    assertThat(Language.of("")).isEqualTo(Language.EN);
    assertThat(Language.of(null)).isEqualTo(Language.EN);
  }
}
