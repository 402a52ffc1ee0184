package io.switchboard.ingest.problem;

import java.util.List;

/**
 * A request the service refuses, rendered as RFC 9457 {@code application/problem+json}.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when positive
 */
public class ProblemException extends RuntimeException {
  private final String reason;
  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final int retryAfterSeconds;

  /**
   * @param reason short code for the rejection metric, e.g. {@code invalid}, {@code rate-limited}
   */
  public ProblemException(
      String reason,
      int status,
      String title,
      String detail,
      List<FieldError> errors,
      int retryAfterSeconds) {
    super(detail);
    this.reason = reason;
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ProblemException invalid(List<FieldError> errors) {
    return invalid("invalid", errors);
  }

  public static ProblemException invalid(String reason, List<FieldError> errors) {
    return new ProblemException(
        reason,
        400,
        "Invalid inquiry",
        "The inquiry has " + errors.size() + " invalid field(s)",
        errors,
        0);
  }

  public static ProblemException unauthorized() {
    return new ProblemException(
        "unauthorized", 401, "Unauthorized", "A valid X-Api-Key header is required", List.of(), 0);
  }

  /** An operator's message that continues no inquiry this service knows. */
  public static ProblemException outsideThread(String field, String reason) {
    return new ProblemException(
        "operator-outside-thread",
        422,
        "Not in a known inquiry",
        "An operator's message is taken as an answer in an inquiry, and this one continues none",
        List.of(new FieldError(field, reason)),
        0);
  }

  public static ProblemException brokerUnavailable() {
    return new ProblemException(
        "broker-unavailable",
        503,
        "Service unavailable",
        "The inquiry could not be stored durably; nothing was accepted. Retry with the same"
            + " Idempotency-Key.",
        List.of(),
        5);
  }

  public String reason() {
    return reason;
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
