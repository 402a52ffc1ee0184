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

  @Test
  void aBouncedMessageIdLeadsBackToItsLedgerRow() {
    String ack = "0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11:ack:0";
    String alert = "0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11:assignment-alert:0:anna.k";

    assertThat(MailHeaders.notificationIdOf(MailHeaders.messageId(ack))).contains(ack);
    assertThat(MailHeaders.notificationIdOf(" " + MailHeaders.messageId(alert) + " "))
        .contains(alert);
  }

  @Test
  void aMessageIdThatIsNotOursLeadsNowhere() {
    assertThat(MailHeaders.notificationIdOf("<CAF1x2@mail.example.com>")).isEmpty();
    assertThat(MailHeaders.notificationIdOf("<just-one-part@switchboard>")).isEmpty();
    assertThat(MailHeaders.notificationIdOf("<a..b@switchboard>")).isEmpty();
    assertThat(MailHeaders.notificationIdOf(null)).isEmpty();
  }
}
