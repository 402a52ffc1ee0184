package io.switchboard.ingest.problem;

import io.switchboard.platform.retry.FailureKind;
import io.switchboard.platform.retry.Failures;
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

  /** A chat or PBX webhook whose body signature is missing or does not match. */
  public static ProblemException invalidSignature() {
    return new ProblemException(
        "invalid-signature",
        401,
        "Invalid signature",
        "The X-Signature header is missing or invalid: it must be sha256=<hex HMAC-SHA256 of the"
            + " exact body> under this webhook's secret",
        List.of(),
        0);
  }

  /** A Telegram update without the secret token set with setWebhook. */
  public static ProblemException invalidSecretToken() {
    return new ProblemException(
        "invalid-secret-token",
        401,
        "Invalid secret token",
        "The X-Telegram-Bot-Api-Secret-Token header is missing or is not the secret_token this"
            + " bot's webhook was set with",
        List.of(),
        0);
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

  /** The database could not store the intake: nothing was stored, so nothing was accepted. */
  public static ProblemException storeUnavailable() {
    return new ProblemException(
        "store-unavailable",
        503,
        "Service unavailable",
        "The inquiry could not be stored; nothing was accepted. Retry with the same"
            + " Idempotency-Key.",
        List.of(),
        5);
  }

  /**
   * What a failure no adapter mapped answers: 503 when a dependency is away (the database
   * restarting or unreachable under a lookup that precedes the claim: the sender's retry succeeds),
   * 500 for anything else.
   */
  public static ProblemException unexpected(Throwable failure) {
    return Failures.classify(failure) == FailureKind.UNAVAILABLE
        ? storeUnavailable()
        : internalError();
  }

  /** The service failed in a way it did not foresee; the log has the cause. */
  public static ProblemException internalError() {
    return new ProblemException(
        "internal-error",
        500,
        "Internal server error",
        "The request could not be processed; retry later. A retried message with the same"
            + " Idempotency-Key or message id is answered with its inquiry, never taken in twice.",
        List.of(),
        0);
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
