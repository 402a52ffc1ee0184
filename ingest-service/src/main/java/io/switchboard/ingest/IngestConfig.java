package io.switchboard.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** ingest-service settings. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** Per channel adapter, keyed by its name ({@code web-form}, ...). */
  Map<String, ChannelSettings> channels();

  /** Longest inquiry text kept, in characters; longer texts are cut and marked as cut. */
  @WithDefault("20000")
  int maxTextLength();

  interface ChannelSettings {
    /** The key a caller must send in {@code X-Api-Key}. */
    String apiKey();
  }
}
