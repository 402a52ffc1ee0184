package io.switchboard.ingest.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.ingest.channel.Webhooks;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /channels/chat} on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ChatChannelTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  static String visitor(String session, String messageId, String text) {
    return """
        {"sessionId": "%s", "messageId": "%s", "author": "visitor",
         "visitor": {"name": "Анна", "email": "Anna.Chat@Example.com"},
         "text": "%s", "widgetVersion": "4.2"}
        """
        .formatted(session, messageId, text);
  }

  static String operator(String session, String messageId, String text) {
    return """
        {"sessionId": "%s", "messageId": "%s", "author": "operator", "operatorId": "op-7",
         "text": "%s"}
        """
        .formatted(session, messageId, text);
  }

  @Test
  void aSessionOpensOneInquiryThatVisitorAndOperatorContinue() {
    String session = "s-" + UUID.randomUUID();
    String inquiryId =
        Webhooks.signed(
                "/channels/chat",
                Webhooks.CHAT_SECRET,
                visitor(session, "m-1", "Здравствуйте, не проходит оплата"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived received =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(received.channel()).isEqualTo(Channel.CHAT);
    assertThat(received.customer().email()).isEqualTo("anna.chat@example.com");
    assertThat(received.customer().customerId()).isNotBlank();
    assertThat(received.replyAddress().address()).isEqualTo(session);

    Webhooks.signed(
            "/channels/chat", Webhooks.CHAT_SECRET, operator(session, "m-2", "Сейчас проверю"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
    Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, visitor(session, "m-3", "Спасибо"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));

    OperatorReplied operator =
        kafka.awaitEvent(OperatorReplied.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(operator.channel()).isEqualTo(Channel.CHAT);
    assertThat(operator.operatorId()).isEqualTo("op-7");
    CustomerReplied reply =
        kafka.awaitEvent(CustomerReplied.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(reply.text()).isEqualTo("Спасибо");
    assertThat(reply.sourceMessageId()).isEqualTo("m-3");
  }

  @Test
  void aRedeliveredMessageIsTheSameInquiry() {
    String session = "s-" + UUID.randomUUID();
    String body = visitor(session, "m-1", "Twice");
    String first =
        Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, body)
            .statusCode(202)
            .extract()
            .path("inquiryId");
    Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, body)
        .statusCode(202)
        .body("inquiryId", equalTo(first));
    assertThat(kafka.eventsSoFar(CustomerReplied.class, e -> e.inquiryId().equals(first)))
        .isEmpty();
  }

  @Test
  void unsignedOrBadMessagesAreRefusedAndNothingIsPublished() {
    String marker = "refused-" + UUID.randomUUID();
    byte[] body = visitor("s-x", "m-1", marker).getBytes(StandardCharsets.UTF_8);
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .header("X-Signature", "sha256=" + "0".repeat(64))
        .body(body)
        .post("/channels/chat")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid signature"))
        .body("detail", containsString("X-Signature"))
        .body("detail", not(containsString("X-Api-Key")));
    Webhooks.signed("/channels/chat", "wrong-secret", body)
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("X-Signature header is missing or invalid"));
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .body(body)
        .post("/channels/chat")
        .then()
        .statusCode(401)
        .body("title", equalTo("Invalid signature"));
    Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, "[1,2]")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("must be a JSON object"))
        .body("errors.field", hasItem("body"));
    Webhooks.signed(
            "/channels/chat",
            Webhooks.CHAT_SECRET,
            "{\"sessionId\":\"s-z\",\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.reason", hasItem("nested too deep"));
    Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, "{\"sessionId\": ")
        .statusCode(400)
        .body("errors.reason", hasItem("malformed JSON"));
    Webhooks.signed(
            "/channels/chat",
            Webhooks.CHAT_SECRET,
            new byte[] {
              '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
            })
        .statusCode(400)
        .body("errors.reason", hasItem("not valid UTF-8"));
    Webhooks.signed("/channels/chat", Webhooks.CHAT_SECRET, visitor("s-y", "m-1", " "))
        .statusCode(400)
        .body("errors.field", hasItem("text"));
    Webhooks.signed(
            "/channels/chat", Webhooks.CHAT_SECRET, operator("s-unknown-" + marker, "m-1", marker))
        .statusCode(422)
        .body("errors.field", hasItem("sessionId"));

    String sentinel =
        Webhooks.signed(
                "/channels/chat", Webhooks.CHAT_SECRET, visitor("s-" + marker, "m-1", "sentinel"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(sentinel));
    assertThat(kafka.eventsSoFar(InquiryReceived.class, e -> e.text().contains(marker))).isEmpty();
  }
}
