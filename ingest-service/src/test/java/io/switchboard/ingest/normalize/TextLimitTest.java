package io.switchboard.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitTest {

  @Test
  void shortTextIsKeptWhole() {
    assertThat(TextLimit.apply("  hello ", 5)).isEqualTo(new TextLimit.Limited("hello", false));
  }

  @Test
  void longTextIsCutAndMarked() {
    assertThat(TextLimit.apply("abcdef", 3))
        .isEqualTo(new TextLimit.Limited("abc" + TextLimit.TRUNCATION_MARK, true));
  }

  @Test
  void aCutNeverSplitsAnEmoji() {
    assertThat(TextLimit.apply("ab\uD83D\uDE00cd", 3).text())
        .isEqualTo("ab" + TextLimit.TRUNCATION_MARK);
  }
}
