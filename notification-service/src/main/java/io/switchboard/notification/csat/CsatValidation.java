package io.switchboard.notification.csat;

import io.switchboard.notification.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** What a rating must satisfy: pure, no I/O. */
public final class CsatValidation {
  public static final int MAX_COMMENT = 2000;

  private CsatValidation() {}

  public static List<Problem.FieldError> validate(Integer score, String comment) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (score == null) {
      errors.add(new Problem.FieldError("score", "a score from 1 to 5 is required"));
    } else if (score < 1 || score > 5) {
      errors.add(new Problem.FieldError("score", "must be from 1 to 5"));
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      errors.add(
          new Problem.FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
    }
    return errors;
  }
}
