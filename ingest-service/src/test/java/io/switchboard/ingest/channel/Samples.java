package io.switchboard.ingest.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Real-format samples kept as test resources. */
public final class Samples {
  private Samples() {}

  public static byte[] bytes(String path) {
    try (InputStream in = Samples.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing sample " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }
}
