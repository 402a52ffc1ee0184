package io.switchboard.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcknowledgementNotSentTest {

  @Test
  void smtpRepliesQuotingTheRecipientAreMasked() {
    var failure =
        new IllegalStateException(
            "550 5.1.1 <anna.petrova@example.com>: Recipient address rejected");

    assertThat(new AcknowledgementNotSent("n-1", failure).getMessage())
        .contains("n-1", "IllegalStateException", "<a***@example.com>", "Recipient address")
        .doesNotContain("anna.petrova");
  }
}
