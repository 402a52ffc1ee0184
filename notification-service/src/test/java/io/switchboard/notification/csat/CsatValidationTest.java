package io.switchboard.notification.csat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.notification.problem.Problem;
import org.junit.jupiter.api.Test;

class CsatValidationTest {
  @Test
  void scoresFromOneToFiveWithAnOptionalComment() {
    assertThat(CsatValidation.validate(1, null)).isEmpty();
    assertThat(CsatValidation.validate(5, "Great")).isEmpty();
  }

  @Test
  void outOfRangeMissingScoreAndLongCommentsAreRefused() {
    assertThat(CsatValidation.validate(0, null))
        .extracting(Problem.FieldError::field)
        .containsExactly("score");
    assertThat(CsatValidation.validate(6, null)).hasSize(1);
    assertThat(CsatValidation.validate(null, "x".repeat(2001)))
        .extracting(Problem.FieldError::field)
        .containsExactly("score", "comment");
  }
}
