package io.switchboard.platform.retry;

/**
 * Thrown by domain code that found the world changed under it (e.g. an inquiry moved team between
 * being read and being locked): the whole transaction is to run again.
 */
public class RetryableConflict extends RuntimeException {
  public RetryableConflict(String message) {
    super(message, null, false, false);
  }
}
