package io.switchboard.notification.delivery.slack;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.delivery.JsonPost;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.delivery.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** A Slack-compatible incoming webhook; the address is the recipient's own webhook URL. */
@ApplicationScoped
public class SlackSender implements Sender {
  private final JsonPost post;

  public SlackSender(JsonPost post) {
    this.post = post;
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.SLACK;
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Uni<Void> send(OutgoingMessage message) {
    return post.post(
        URI.create(message.address()),
        Map.of("text", message.text()),
        message.notificationId(),
        Optional.empty());
  }
}
