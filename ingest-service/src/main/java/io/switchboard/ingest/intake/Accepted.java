package io.switchboard.ingest.intake;

/** The answer to a channel: the inquiry its message became. */
public record Accepted(String inquiryId, String ticket) {
  /** How the answer looks, for every channel's OpenAPI description. */
  public static final String EXAMPLE =
      "{\"inquiryId\":\"0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11\",\"ticket\":\"SB-7K3QZ9XD2M4P\"}";
}
