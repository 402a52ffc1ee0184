package io.switchboard.notification.delivery.sms;

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

/** SMS through an HTTP gateway: {@code {"to": "+7…", "text": "…"}} with a bearer key. */
@ApplicationScoped
public class SmsGatewaySender implements Sender {
  private final JsonPost post;
  private final Optional<URI> gateway;
  private final Optional<String> apiKey;

  public SmsGatewaySender(JsonPost post, NotificationConfig config) {
    this.post = post;
    this.gateway = config.sms().gatewayUrl();
    this.apiKey = config.sms().apiKey();
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.SMS;
  }

  @Override
  public boolean configured() {
    return gateway.isPresent();
  }

  @Override
  public Uni<Void> send(OutgoingMessage message) {
    return post.post(
        gateway.orElseThrow(),
        Map.of("to", message.address(), "text", message.text()),
        message.notificationId(),
        apiKey);
  }
}
