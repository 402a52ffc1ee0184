package io.switchboard.notification.delivery.telegram;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.delivery.JsonPost;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.delivery.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Telegram Bot API {@code sendMessage}, answering the customer's own message when known. */
@ApplicationScoped
public class TelegramSender implements Sender {
  private final JsonPost post;
  private final URI baseUrl;
  private final Optional<String> token;

  public TelegramSender(JsonPost post, NotificationConfig config) {
    this.post = post;
    this.baseUrl = config.telegram().baseUrl();
    this.token = config.telegram().botToken();
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.TELEGRAM;
  }

  @Override
  public boolean configured() {
    return token.isPresent();
  }

  @Override
  public Uni<Void> send(OutgoingMessage message) {
    Map<String, Object> body = new HashMap<>();
    body.put("chat_id", message.address());
    body.put("text", message.text());
    if (message.threadRef() != null && message.threadRef().matches("\\d+")) {
      body.put(
          "reply_parameters",
          Map.of(
              "message_id",
              Long.parseLong(message.threadRef()),
              "allow_sending_without_reply",
              true));
    }
    String base = baseUrl.toString().replaceAll("/+$", "");
    return post.post(
        URI.create(base + "/bot" + token.orElseThrow() + "/sendMessage"),
        body,
        message.notificationId(),
        Optional.empty());
  }
}
