package io.switchboard.ingest.channel;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.switchboard.ingest.security.WebhookSignatures;
import java.nio.charset.StandardCharsets;

/** Posts webhook bodies the way their senders do: signed, or with the Telegram secret. */
public final class Webhooks {
  public static final String CHAT_SECRET = "local-dev-chat-secret";
  public static final String PBX_SECRET = "local-dev-pbx-secret";
  public static final String TELEGRAM_SECRET = "local-dev-telegram-secret";

  private Webhooks() {}

  public static ValidatableResponse signed(String path, String secret, byte[] body) {
    return given()
        .contentType("application/json")
        .header(
            WebhookSignatures.SIGNATURE_HEADER, "sha256=" + WebhookSignatures.sign(secret, body))
        .body(body)
        .post(path)
        .then();
  }

  public static ValidatableResponse signed(String path, String secret, String body) {
    return signed(path, secret, body.getBytes(StandardCharsets.UTF_8));
  }

  public static ValidatableResponse telegram(String token, String body) {
    var request =
        given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    if (token != null) {
      request.header(WebhookSignatures.TELEGRAM_HEADER, token);
    }
    return request.post("/channels/telegram").then();
  }
}
