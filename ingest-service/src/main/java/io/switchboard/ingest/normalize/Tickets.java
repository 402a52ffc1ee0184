package io.switchboard.ingest.normalize;

import java.util.random.RandomGenerator;

/**
 * Customer-facing inquiry numbers such as {@code SB-7K3QZ9XD2M4P}: 60 random bits in Crockford
 * base32 (no I, L, O, U), short enough to read over the phone and to spot in an e-mail subject.
 */
public final class Tickets {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private Tickets() {}

  public static String next(RandomGenerator random) {
    long bits = random.nextLong();
    char[] digits = new char[12];
    for (int i = 11; i >= 0; i--) {
      digits[i] = ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
    }
    return "SB-" + new String(digits);
  }
}
