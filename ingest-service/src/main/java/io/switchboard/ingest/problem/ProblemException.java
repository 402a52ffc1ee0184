package io.switchboard.ingest.problem;

import java.util.List;

/**
 * A request the service refuses, rendered as RFC 9457 {@code application/problem+json}.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when positive
 */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final int retryAfterSeconds;

  public ProblemException(
      int status, String title, String detail, List<FieldError> errors, int retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        400,
        "Invalid inquiry",
        "The inquiry has " + errors.size() + " invalid field(s)",
        errors,
        0);
  }

  public static ProblemException unauthorized() {
    return new ProblemException(
        401, "Unauthorized", "A valid X-Api-Key header is required", List.of(), 0);
  }

  public static ProblemException brokerUnavailable() {
    return new ProblemException(
        503,
        "Service unavailable",
        "The inquiry could not be stored durably; nothing was accepted. Retry with the same"
            + " Idempotency-Key.",
        List.of(),
        5);
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

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
