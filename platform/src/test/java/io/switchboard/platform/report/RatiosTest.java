package io.switchboard.platform.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatiosTest {

  @Test
  void shareIsAFractionWithFourDecimals() {
    assertThat(Ratios.share(2, 10)).isEqualTo(0.2);
    assertThat(Ratios.share(1, 3)).isEqualTo(0.3333);
    assertThat(Ratios.share(2, 3)).isEqualTo(0.6667);
  }

  @Test
  void percentHasTwoDecimals() {
    assertThat(Ratios.percent(3, 4)).isEqualTo(75.0);
    assertThat(Ratios.percent(2, 3)).isEqualTo(66.67);
    assertThat(Ratios.percent(1, 8)).isEqualTo(12.5);
  }

  @Test
  void nothingToShareIsNullNotZero() {
    assertThat(Ratios.share(0, 0)).isNull();
    assertThat(Ratios.percent(0, 0)).isNull();
    assertThat(Ratios.round(null, 2)).isNull();
  }

  @Test
  void roundsHalfUp() {
    assertThat(Ratios.round(3.125, 2)).isEqualTo(3.13);
    assertThat(Ratios.round(3.124, 2)).isEqualTo(3.12);
  }
}
