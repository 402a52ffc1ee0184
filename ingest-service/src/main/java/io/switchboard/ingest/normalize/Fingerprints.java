package io.switchboard.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** SHA-256 of what a caller sent, to tell a true retry from a reused key: pure. */
public final class Fingerprints {
  private Fingerprints() {}

  public static String of(String... parts) {
    String content =
        Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("\u0000"));
    return sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
