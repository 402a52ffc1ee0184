package io.switchboard.ingest.channel.email;

/** The body is not an RFC 5322 message that can be read. */
public class MalformedEmailException extends Exception {
  public MalformedEmailException(String message, Throwable cause) {
    super(message, cause);
  }
}
