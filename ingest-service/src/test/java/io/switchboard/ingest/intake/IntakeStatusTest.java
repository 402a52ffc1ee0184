package io.switchboard.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntakeStatusTest {

  @Test
  void onlyAPublishedRowIsAnsweredWithoutPublishing() {
    assertThat(IntakeStatus.PUBLISHED.needsPublishing()).isFalse();
    // A PENDING row may be one whose first request crashed; a REFUSED one heard 503.
    assertThat(IntakeStatus.PENDING.needsPublishing()).isTrue();
    assertThat(IntakeStatus.REFUSED.needsPublishing()).isTrue();
  }

  @Test
  void theSweptOutcomesAreTheTagsDocsMetricsNames() {
    assertThat(SweepOutcome.PUBLISHED.tag()).isEqualTo("published");
    assertThat(SweepOutcome.FAILED.tag()).isEqualTo("failed");
    assertThat(SweepOutcome.EXPIRED.tag()).isEqualTo("expired");
  }
}
