package io.switchboard.notification.delivery.chat;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.delivery.JsonPost;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.delivery.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Posts into a visitor's site-chat session through the chat provider's webhook. */
@ApplicationScoped
public class ChatWebhookSender implements Sender {
  private final JsonPost post;
  private final Optional<URI> webhook;

  public ChatWebhookSender(JsonPost post, NotificationConfig config) {
    this.post = post;
    this.webhook = config.chat().webhookUrl();
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.CHAT;
  }

  @Override
  public boolean configured() {
    return webhook.isPresent();
  }

  @Override
  public Uni<Void> send(OutgoingMessage message) {
    return post.post(
        webhook.orElseThrow(),
        Map.of("sessionId", message.address(), "text", message.text()),
        message.notificationId(),
        Optional.empty());
  }
}
