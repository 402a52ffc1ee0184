package io.switchboard.platform.report;

import java.util.List;

/** Report parameters a service refuses; each service renders it as problem+json (400). */
public class InvalidReportRequest extends RuntimeException {
  /** One refused query parameter and why. */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors;

  public InvalidReportRequest(List<FieldError> errors) {
    super("The report request has " + errors.size() + " invalid parameter(s)");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
