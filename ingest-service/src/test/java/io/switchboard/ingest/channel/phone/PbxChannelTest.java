package io.switchboard.ingest.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.ingest.channel.Samples;
import io.switchboard.ingest.channel.Webhooks;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /channels/phone} on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class PbxChannelTest {
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

  private static String event(String callId, String event, String caller) {
    return """
        {"callId": "%s", "event": "%s", "caller": "%s", "operatorId": "op-3"}
        """
        .formatted(callId, event, caller);
  }

  @Test
  void aMissedCallIsAnInquiryAndTheCallBackIsItsFirstResponse() {
    String inquiryId =
        Webhooks.signed("/channels/phone", Webhooks.PBX_SECRET, Samples.bytes("pbx/missed.json"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived missed =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(missed.channel()).isEqualTo(Channel.PHONE);
    assertThat(missed.kind()).isEqualTo(InquiryKind.MISSED_CALL);
    assertThat(missed.customer().phone()).isEqualTo("+79165551234");
    assertThat(missed.replyAddress().address()).isEqualTo("+79165551234");

    Webhooks.signed("/channels/phone", Webhooks.PBX_SECRET, event("c-2", "missed", "+79165551234"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
    Webhooks.signed(
            "/channels/phone", Webhooks.PBX_SECRET, event("c-3", "answered", "+7 916 555 12 34"))
        .statusCode(202)
        .body("inquiryId", equalTo(inquiryId));
    assertThat(
            kafka
                .awaitEvent(CustomerReplied.class, e -> e.inquiryId().equals(inquiryId))
                .sourceMessageId())
        .isEqualTo("c-2");
    OperatorReplied answered =
        kafka.awaitEvent(OperatorReplied.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(answered.operatorId()).isEqualTo("op-3");
    assertThat(answered.channel()).isEqualTo(Channel.PHONE);
  }

  @Test
  void aVoicemailIsAnInquiryWithItsRecording() {
    String inquiryId =
        Webhooks.signed("/channels/phone", Webhooks.PBX_SECRET, Samples.bytes("pbx/voicemail.json"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    InquiryReceived voicemail =
        kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    assertThat(voicemail.kind()).isEqualTo(InquiryKind.VOICEMAIL);
    assertThat(voicemail.customer().phone()).isEqualTo("+442079460958");
    assertThat(voicemail.text()).isEqualTo("Hello, please call me back about my invoice.");
    assertThat(voicemail.attachments())
        .containsExactly(
            new Attachment(
                "https://pbx.example.com/recordings/1763892300.1043.mp3", "audio/mpeg", 184320));
  }

  @Test
  void anAnsweredCallWithNothingOpenPublishesNothing() {
    Webhooks.signed(
            "/channels/phone", Webhooks.PBX_SECRET, event("c-9", "answered", "+79037770011"))
        .statusCode(204);
    Webhooks.signed("/channels/phone", "guess", event("c-10", "missed", "+79037770011"))
        .statusCode(401)
        .contentType("application/problem+json")
        .body("title", equalTo("Invalid signature"))
        .body("detail", containsString("X-Signature header is missing or invalid"));
    Webhooks.signed("/channels/phone", Webhooks.PBX_SECRET, event("c-11", "missed", "anonymous"))
        .statusCode(400);
    String sentinel =
        Webhooks.signed(
                "/channels/phone", Webhooks.PBX_SECRET, event("c-12", "missed", "+79037770022"))
            .statusCode(202)
            .extract()
            .path("inquiryId");
    kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(sentinel));
    assertThat(
            kafka.eventsSoFar(
                InquiryReceived.class, e -> "+79037770011".equals(e.customer().phone())))
        .isEmpty();
  }
}
