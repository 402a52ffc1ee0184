package io.switchboard.contracts;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered event ids (UUID version 7, RFC 9562): unique and sortable by creation time. */
public final class EventIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private EventIds() {}

  public static UUID next() {
    long millis = System.currentTimeMillis();
    long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
