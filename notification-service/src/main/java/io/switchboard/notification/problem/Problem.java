package io.switchboard.notification.problem;

import java.util.List;

/** A request the service refuses, rendered as RFC 9457 {@code application/problem+json}. */
public class Problem extends RuntimeException {
  /** One invalid field of the request. */
  public record FieldError(String field, String message) {}

  private final int status;
  private final String title;
  private final List<FieldError> errors;

  public Problem(int status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static Problem invalid(String what, List<FieldError> errors) {
    return new Problem(
        400,
        "Invalid " + what,
        "The " + what + " has " + errors.size() + " invalid field(s)",
        errors);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
