package io.switchboard.platform.retry;

/**
 * Thrown by code that knows a dependency it needs is away: try again later, as long as it takes.
 */
public class DependencyUnavailable extends RuntimeException {
  public DependencyUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
