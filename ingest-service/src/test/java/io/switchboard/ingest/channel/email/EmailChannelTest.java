package io.switchboard.ingest.channel.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /channels/email} on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class EmailChannelTest {
  static final String API_KEY = "local-dev-email-key";

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

  static ValidatableResponse post(byte[] raw) {
    return given()
        .contentType(EmailResource.MEDIA_TYPE)
        .header("X-Api-Key", API_KEY)
        .body(raw)
        .post("/channels/email")
        .then();
  }

  static byte[] mail(String from, String subject, String messageId, String inReplyTo, String text) {
    String headers =
        "From: "
            + from
            + "\r\nTo: support@switchboard.local\r\nSubject: "
            + subject
            + "\r\nMessage-ID: <"
            + messageId
            + ">\r\n"
            + (inReplyTo == null
                ? ""
                : "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n")
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n";
    return (headers + text + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static String newId() {
    return UUID.randomUUID() + "@mail.example.com";
  }

  @Test
  void aRussianMultipartMailBecomesANormalizedInquiry() {
    String inquiryId =
        post(EmailParserTest.sample("utf8-alternative-qp.eml"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived event =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(event.channel()).isEqualTo(Channel.EMAIL);
    assertThat(event.customer().email()).isEqualTo("anna.petrova@example.com");
    assertThat(event.customer().name()).isEqualTo("Анна Петрова");
    assertThat(event.customer().customerId()).isNotBlank();
    assertThat(event.subject()).isEqualTo("Не работает оплата заказа №4521");
    assertThat(event.text()).startsWith("Здравствуйте!").doesNotContain("Ваш заказ", "ООО");
    assertThat(event.language()).isEqualTo("ru");
    assertThat(event.automatic()).isFalse();
    assertThat(event.sourceMessageId()).isEqualTo("CAF7x9Qm1.utf8.4521@mail.example.com");
    assertThat(event.replyAddress().address()).isEqualTo("anna.petrova@example.com");
    assertThat(event.replyAddress().threadRef()).isEqualTo(event.sourceMessageId());
  }

  @Test
  void attachmentsTravelAsMetadataAndAutomaticMailIsMarked() {
    String invoice =
        post(EmailParserTest.sample("windows-1251-mixed-base64.eml"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    assertThat(
            kafka
                .awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(invoice))
                .attachments())
        .containsExactly(new Attachment("Реквизиты.pdf", "application/pdf", 2064));

    String bounce =
        post(EmailParserTest.sample("bounce.eml")).statusCode(202).extract().path("inquiryId");
    assertThat(
            kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(bounce)).automatic())
        .isTrue();
  }

  @Test
  void aBounceOfOurAcknowledgementIsAnAutomaticInquiryNamingItNeverAReply() {
    String original = newId();
    var accepted =
        post(mail("anna.petrova@example.net", "Не работает оплата", original, null, "Помогите"))
            .statusCode(202)
            .extract();
    String inquiryId = accepted.path("inquiryId");
    String ticket = accepted.path("ticket");
    // Exchange's report names the inquiry's ticket in its subject and our message in its
    // references: both would thread it into Anna's conversation.
    String report =
        new String(EmailParserTest.sample("bounce-exchange-ack.eml"), StandardCharsets.UTF_8)
            .replaceFirst(
                "(?m)^Subject: =\\?utf-8\\?B\\?[^\r\n]*",
                "Subject: Undeliverable: [" + ticket + "] We have received your request")
            .replace("3f8a2c1e-7b4d-4e6f-9a8b-0c1d2e3f4a5b", UUID.randomUUID().toString())
            .replace("CAF7x9Qm1.utf8.4521@mail.example.net", original);

    String bounceId =
        post(report.getBytes(StandardCharsets.UTF_8)).statusCode(202).extract().path("inquiryId");

    assertThat(bounceId).isNotEqualTo(inquiryId);
    InquiryReceived bounce =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(bounceId));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>");
    assertThat(bounce.automatic()).isTrue();
    assertThat(bounce.subject()).contains(ticket);
    assertThat(
            kafka.eventsSoFar(
                CustomerReplied.class, e -> e.sourceMessageId().equals(bounce.sourceMessageId())))
        .isEmpty();
  }

  @Test
  void aPostfixBounceOfOurAcknowledgementCarriesItsMessageIdOnTheTopic() {
    String bounceId =
        post(EmailParserTest.sample("bounce-postfix-ack.eml"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived bounce =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(bounceId));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>");
    assertThat(bounce.automatic()).isTrue();
    assertThat(bounce.customer().email()).isEqualTo("mailer-daemon@mx.switchboard.example");
  }

  @Test
  void theSameMessageDeliveredTwiceIsOneInquiryAndOneEvent() {
    byte[] raw = mail("dup@example.com", "Twice", newId(), null, "Delivered twice by the MTA");
    String first = post(raw).statusCode(202).extract().path("inquiryId");
    post(raw).statusCode(202).body("inquiryId", equalTo(first));
    String sentinel =
        post(mail("sentinel@example.com", "after", newId(), null, "sentinel"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(sentinel));
    assertThat(
            kafka.eventsSoFar(InquiryReceived.class, e -> e.inquiryId().equals(first)).stream()
                .map(InquiryReceived::eventId)
                .distinct())
        .hasSize(1);
  }

  @Test
  void repliesInTheThreadContinueTheInquiry() {
    String original = newId();
    var accepted =
        post(mail(
                "Olga <olga@example.org>", "Где мой заказ?", original, null, "Заказ 77 не пришёл"))
            .statusCode(202)
            .extract();
    String inquiryId = accepted.path("inquiryId");
    String ticket = accepted.path("ticket");

    String operatorAnswer = newId();
    post(mail(
            "Support <Support@Switchboard.local>",
            "Re: Где мой заказ?",
            operatorAnswer,
            original,
            "Заказ передан в доставку"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId))
        .body("ticket", equalTo(ticket));
    OperatorReplied operator =
        kafka.awaitEvent(OperatorReplied.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(operator.operatorAddress()).isEqualTo("support@switchboard.local");
    assertThat(operator.sourceMessageId()).isEqualTo(operatorAnswer);

    // The customer answers the operator's mail: its In-Reply-To names the operator's message.
    String customerAnswer = newId();
    post(mail(
            "olga@example.org",
            "Re: Re: Где мой заказ?",
            customerAnswer,
            operatorAnswer,
            "Спасибо!\r\n\r\nOn Mon, Support wrote:\r\n> Заказ передан в доставку"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
    CustomerReplied reply =
        kafka.awaitEvent(CustomerReplied.class, e -> e.sourceMessageId().equals(customerAnswer));
    assertThat(reply.inquiryId()).isEqualTo(inquiryId);
    assertThat(reply.text()).isEqualTo("Спасибо!");

    // A new mail without thread headers still threads by the ticket in its subject.
    String byTicket = newId();
    post(mail("olga@example.org", "Вопрос по [" + ticket + "]", byTicket, null, "Ещё вопрос"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
    assertThat(
            kafka
                .awaitEvent(CustomerReplied.class, e -> e.sourceMessageId().equals(byTicket))
                .inquiryId())
        .isEqualTo(inquiryId);
  }

  @Test
  void operatorMailOutsideAnyThreadIsRefused() {
    post(mail("support@switchboard.local", "Hello", newId(), "unknown@example.com", "Hi"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("In-Reply-To"));
  }

  @Test
  void aCustomerKeepsOneIdAcrossMailAndForms() {
    String email = "ident-" + UUID.randomUUID() + "@example.com";
    String first =
        post(mail(email, "One", newId(), null, "First by mail"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    String customerId =
        kafka
            .awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(first))
            .customer()
            .customerId();
    String phone = "+7916" + (1_000_000 + (int) (Math.random() * 8_999_999));
    String form =
        given()
            .contentType("application/json")
            .header("X-Api-Key", "local-dev-web-form-key")
            .body(
                "{\"email\": \"%s\", \"phone\": \"%s\", \"text\": \"Form\"}"
                    .formatted(email, phone))
            .post("/inquiries")
            .then()
            .statusCode(202)
            .extract()
            .path("inquiryId");
    String byPhoneOnly =
        given()
            .contentType("application/json")
            .header("X-Api-Key", "local-dev-web-form-key")
            .body("{\"phone\": \"%s\", \"text\": \"Call me\"}".formatted(phone))
            .post("/inquiries")
            .then()
            .statusCode(202)
            .extract()
            .path("inquiryId");
    assertThat(
            kafka
                .awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(form))
                .customer()
                .customerId())
        .isEqualTo(customerId);
    assertThat(
            kafka
                .awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(byPhoneOnly))
                .customer()
                .customerId())
        .isEqualTo(customerId);
  }

  @Test
  void badMailIsRefusedAsAProblem() {
    given()
        .contentType(EmailResource.MEDIA_TYPE)
        .body(mail("a@example.com", "x", newId(), null, "x"))
        .post("/channels/email")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .contentType("text/plain")
        .header("X-Api-Key", API_KEY)
        .body("hello")
        .post("/channels/email")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    post(mail("not an address", "x", newId(), null, "text"))
        .statusCode(400)
        .body("errors.field", hasItem("From"));
    post(mail("a@example.com", "x", newId(), null, "  "))
        .statusCode(400)
        .body("errors.field", hasItem("text"));
    post("From: a@example.com\r\nContent-Type: multipart/mixed\r\n\r\nno boundary".getBytes())
        .statusCode(400)
        .body("errors.field", hasItem("body"));
  }
}
