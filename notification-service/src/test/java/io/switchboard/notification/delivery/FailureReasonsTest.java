package io.switchboard.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {

  @Test
  void providerRepliesQuotingTheRecipientAreMasked() {
    var failure =
        new IllegalStateException(
            "550 5.1.1 <anna.petrova@example.com>: Recipient address rejected");

    assertThat(FailureReasons.givenUp("n-1", 3, FailureReasons.of(failure)))
        .contains(
            "n-1",
            "3 attempt(s)",
            "IllegalStateException",
            "<a***@example.com>",
            "Recipient address")
        .doesNotContain("anna.petrova");
  }

  @Test
  void phoneNumbersAreMaskedToo() {
    var failure = new DeliveryRejected("HTTP 400 from sms.local: invalid number +79161234567");

    assertThat(FailureReasons.of(failure)).contains("+7*******567").doesNotContain("9161234");
  }
}
