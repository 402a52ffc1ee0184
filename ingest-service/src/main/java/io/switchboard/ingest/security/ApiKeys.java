package io.switchboard.ingest.security;

import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks a channel caller's API key. */
@ApplicationScoped
public class ApiKeys {
  public static final String HEADER = "X-Api-Key";
  private final IngestConfig config;

  public ApiKeys(IngestConfig config) {
    this.config = config;
  }

  /**
   * @throws ProblemException 401 when the key is missing or wrong
   */
  public void verify(String channel, String presented) {
    IngestConfig.ChannelSettings settings = config.channels().get(channel);
    if (settings == null
        || settings.apiKey().isEmpty()
        || !sameSecret(settings.apiKey().get(), presented)) {
      throw ProblemException.unauthorized();
    }
  }

  /** Constant-time: response timing must not reveal how much of a guess was right. */
  public static boolean sameSecret(String expected, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
