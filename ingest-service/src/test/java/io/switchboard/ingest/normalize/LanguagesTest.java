package io.switchboard.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void cyrillicTextIsRussian() {
    assertThat(Languages.detect("Не работает оплата", "Списали деньги")).isEqualTo("ru");
  }

  @Test
  void latinTextIsEnglishEvenWithARussianName() {
    assertThat(Languages.detect("Payment failed", "Hi, this is Анна: my card was charged twice"))
        .isEqualTo("en");
  }

  @Test
  void nothingToJudgeDefaultsToEnglish() {
    assertThat(Languages.detect(null, "12345")).isEqualTo("en");
  }
}
