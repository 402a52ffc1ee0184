package io.switchboard.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Posts JSON to an HTTP provider, with the notification id as its {@code Idempotency-Key}. */
@ApplicationScoped
public class JsonPost {
  private static final int QUOTED_BODY = 200;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final Duration timeout;

  public JsonPost(ObjectMapper json, NotificationConfig config) {
    this.json = json;
    this.timeout = config.delivery().timeout();
  }

  /**
   * Completes on a 2xx answer on the HTTP client's thread; fails with {@link DeliveryRejected} on a
   * 4xx other than 408 and 429, which a retry cannot fix. Failure messages name the host only: a
   * Telegram URL carries the bot token.
   */
  public Uni<Void> post(
      URI uri, Map<String, Object> body, String idempotencyKey, Optional<String> bearerToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    return Uni.createFrom()
        .completionStage(
            () -> client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
        .invoke(response -> check(uri, response))
        .replaceWithVoid();
  }

  private static void check(URI uri, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String body = response.body() == null ? "" : response.body();
    String reason =
        "HTTP "
            + status
            + " from "
            + uri.getHost()
            + ": "
            + body.substring(0, Math.min(body.length(), QUOTED_BODY));
    if (status / 100 == 4 && status != 408 && status != 429) {
      throw new DeliveryRejected(reason);
    }
    throw new IllegalStateException(reason);
  }

  private String write(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
