package io.switchboard.ingest.limits;

import io.switchboard.contracts.Channel;
import java.util.Map;
import java.util.Optional;

/** Which channel adapter a request path belongs to, and that channel's settings key. */
public final class ChannelPaths {
  private static final Map<String, Channel> BY_PATH =
      Map.of(
          "/inquiries", Channel.WEB_FORM,
          "/channels/email", Channel.EMAIL,
          "/channels/chat", Channel.CHAT,
          "/channels/phone", Channel.PHONE,
          "/channels/telegram", Channel.TELEGRAM);

  private ChannelPaths() {}

  public static Optional<Channel> channelOf(String path) {
    if (path == null) {
      return Optional.empty();
    }
    String trimmed =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return Optional.ofNullable(BY_PATH.get(trimmed));
  }

  /** The key of a channel under {@code ingest.channels}: {@code WEB_FORM} is {@code web-form}. */
  public static String settingsKey(Channel channel) {
    return channel.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
