package io.switchboard.ingest.limits;

import io.switchboard.contracts.Channel;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any body is read or parsed, what a channel's limits do not allow: a body larger
 * than the channel's limit (413) and more requests than the channel's key may send (429). Each
 * channel has one key or secret, so a bucket per channel is a bucket per key.
 */
@ApplicationScoped
public class RequestLimits {
  private final IngestConfig config;
  private final Map<Channel, TokenBucket> buckets = new EnumMap<>(Channel.class);

  public RequestLimits(IngestConfig config) {
    this.config = config;
    for (Channel channel : Channel.values()) {
      IngestConfig.ChannelSettings settings =
          config.channels().get(ChannelPaths.settingsKey(channel));
      if (settings != null) {
        buckets.put(
            channel,
            new TokenBucket(
                settings.rateLimit().perSecond(), settings.rateLimit().burst(), System::nanoTime));
      }
    }
  }

  /**
   * @throws ProblemException 413 or 429
   */
  public void check(ContainerRequestContext request) {
    Optional<Channel> channel = ChannelPaths.channelOf(request.getUriInfo().getPath());
    if (channel.isEmpty() || !"POST".equals(request.getMethod())) {
      return;
    }
    IngestConfig.ChannelSettings settings =
        config.channels().get(ChannelPaths.settingsKey(channel.get()));
    if (settings == null) {
      return;
    }
    if (request.getLength() > settings.maxBodyBytes()) {
      throw new ProblemException(
          "too-large",
          413,
          "Payload too large",
          "The body is larger than this channel accepts",
          List.of(new FieldError("body", "larger than " + settings.maxBodyBytes() + " bytes")),
          0);
    }
    long waitSeconds = buckets.get(channel.get()).tryAcquire();
    if (waitSeconds > 0) {
      throw new ProblemException(
          "rate-limited",
          429,
          "Too many requests",
          "This channel's rate limit is exceeded; retry after Retry-After",
          List.of(),
          (int) waitSeconds);
    }
  }
}
