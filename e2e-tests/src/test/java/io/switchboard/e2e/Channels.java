package io.switchboard.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.Channel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts to ingest-service the way each channel's sender does, with the local development secrets of
 * ingest-service's application.properties: web form and e-mail with an API key, chat and PBX
 * webhooks signed with HMAC-SHA256, Telegram with the bot's secret token.
 */
final class Channels {
  static final String CHAT_SECRET = "local-dev-chat-secret";
  static final String PBX_SECRET = "local-dev-pbx-secret";

  private final String ingest;

  Channels(String ingestUrl) {
    this.ingest = ingestUrl;
  }

  /** A new inquiry from a new customer over {@code channel}. */
  Sent newInquiry(Channel channel) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    return switch (channel) {
      case WEB_FORM -> sent(channel, id, webForm(id));
      case EMAIL -> sent(channel, id, email(id));
      case CHAT -> sent(channel, id, chat(id, "visitor", null));
      case PHONE -> sent(channel, id, missedCall(id));
      case TELEGRAM -> sent(channel, id, telegram(id));
    };
  }

  /** The operator answers in the chat session of {@code inquiry}, through the chat provider. */
  ValidatableResponse operatorChatReply(Sent inquiry, String operatorId) {
    return chat(inquiry.customer(), "operator", operatorId);
  }

  /** A chat webhook call with a signature made with the wrong secret. */
  ValidatableResponse forgedChatMessage() {
    byte[] body = chatBody("forged", "visitor", null);
    return given()
        .baseUri(ingest)
        .contentType("application/json")
        .header("X-Signature", "sha256=" + hmac("not-the-secret", body))
        .body(body)
        .post("/channels/chat")
        .then();
  }

  private ValidatableResponse webForm(String id) {
    return given()
        .baseUri(ingest)
        .contentType("application/json")
        .header("X-Api-Key", "local-dev-web-form-key")
        .body(
            """
            {"name": "Анна Петрова", "email": "%s", "subject": "Не работает оплата",
             "text": "Списали деньги, а заказ не оформлен"}
            """
                .formatted(email(id, "web")))
        .post("/inquiries")
        .then();
  }

  private ValidatableResponse email(String id) {
    String message =
        """
        From: Ivan Sidorov <%s>
        To: support@switchboard.local
        Subject: Order %s has not arrived
        Date: %s
        Message-ID: <%s@mail.example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Hello, my order %s has not arrived yet. Where is it?
        """
            .formatted(
                email(id, "mail"),
                id,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()),
                id,
                id)
            .replace("\n", "\r\n");
    return given()
        .baseUri(ingest)
        .contentType("message/rfc822")
        .header("X-Api-Key", "local-dev-email-key")
        .body(message.getBytes(StandardCharsets.UTF_8))
        .post("/channels/email")
        .then();
  }

  private ValidatableResponse chat(String session, String author, String operatorId) {
    return signed("/channels/chat", CHAT_SECRET, chatBody(session, author, operatorId));
  }

  private static byte[] chatBody(String session, String author, String operatorId) {
    String body =
        "operator".equals(author)
            ? """
              {"sessionId": "s-%s", "messageId": "m-op-%s", "author": "operator",
               "operatorId": "%s", "text": "Здравствуйте! Уже проверяем оплату."}
              """
                .formatted(session, UUID.randomUUID(), operatorId)
            : """
              {"sessionId": "s-%s", "messageId": "m-1", "author": "visitor",
               "visitor": {"name": "Олег", "email": "%s"},
               "text": "Здравствуйте, не проходит оплата"}
              """
                .formatted(session, email(session, "chat"));
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private ValidatableResponse missedCall(String id) {
    int line = ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    String body =
        """
        {"callId": "%s", "event": "missed", "caller": "+7 916 %d",
         "called": "+7 495 123-45-67", "waitSeconds": 23}
        """
            .formatted(id, line);
    return signed("/channels/phone", PBX_SECRET, body.getBytes(StandardCharsets.UTF_8));
  }

  private ValidatableResponse telegram(String id) {
    long user = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    String body =
        """
        {"update_id": %d, "message": {"message_id": %d,
          "from": {"id": %d, "is_bot": false, "first_name": "Дмитрий", "language_code": "ru"},
          "chat": {"id": %d, "type": "private"}, "date": %d,
          "text": "Добрый день! Курьер не привёз заказ %s"}}
        """
            .formatted(user, user % 100_000, user, user, System.currentTimeMillis() / 1000, id);
    return given()
        .baseUri(ingest)
        .contentType("application/json")
        .header("X-Telegram-Bot-Api-Secret-Token", "local-dev-telegram-secret")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/channels/telegram")
        .then();
  }

  private ValidatableResponse signed(String path, String secret, byte[] body) {
    return given()
        .baseUri(ingest)
        .contentType("application/json")
        .header("X-Signature", "sha256=" + hmac(secret, body))
        .body(body)
        .post(path)
        .then();
  }

  static String email(String id, String channel) {
    return "obs-" + channel + "-" + id + "@example.com";
  }

  private static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Sent sent(Channel channel, String customer, ValidatableResponse response) {
    var accepted = response.statusCode(202).extract();
    return new Sent(channel, customer, accepted.path("inquiryId"), accepted.path("ticket"));
  }

  /**
   * @param customer the id this class made the customer's address, session or call from
   */
  record Sent(Channel channel, String customer, String inquiryId, String ticket) {}
}
