package io.switchboard.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

  @Test
  void signsLikeEveryHmacSha256Sender() {
    // RFC 4231 test case 2.
    assertThat(
            WebhookSignatures.sign(
                "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
