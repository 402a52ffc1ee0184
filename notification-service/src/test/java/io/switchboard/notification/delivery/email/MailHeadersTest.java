package io.switchboard.notification.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailHeadersTest {
  @Test
  void replyAddressCarriesTheTicketAsSubAddress() {
    assertThat(MailHeaders.withToken("support@example.com", "SB-1A2B"))
        .isEqualTo("support+SB-1A2B@example.com");
    assertThat(MailHeaders.withToken("support@example.com", null)).isEqualTo("support@example.com");
  }

  @Test
  void threadReferencesAreBracketedOnce() {
    assertThat(MailHeaders.bracketed("abc@mail.example")).isEqualTo("<abc@mail.example>");
    assertThat(MailHeaders.bracketed(" <abc@mail.example> ")).isEqualTo("<abc@mail.example>");
    assertThat(MailHeaders.bracketed(null)).isNull();
    assertThat(MailHeaders.bracketed(" ")).isNull();
  }

  @Test
  void messageIdHasNoColonLeftOfTheAt() {
    assertThat(MailHeaders.messageId("6f1c:ack:0")).isEqualTo("<6f1c.ack.0@switchboard>");
  }
}
