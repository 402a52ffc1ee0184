package io.switchboard.ingest.channel.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.ingest.normalize.TextLimit;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebFormNormalizerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void normalizesContactsLanguageAndChannel() {
    var form =
        new WebFormRequest(
            null,
            " Анна ",
            "Anna@Example.com",
            "+7 916 123-45-67",
            "Оплата",
            "Списали деньги",
            null);
    var event =
        WebFormNormalizer.toEvent(
            form, WebFormNormalizer.customer(form, "RU"), "WEB_FORM:k1", NOW, 1000, new Random(1));
    assertThat(event.channel()).isEqualTo(Channel.WEB_FORM);
    assertThat(event.customer().name()).isEqualTo("Анна");
    assertThat(event.customer().email()).isEqualTo("anna@example.com");
    assertThat(event.customer().phone()).isEqualTo("+79161234567");
    assertThat(event.language()).isEqualTo("ru");
    assertThat(event.sourceMessageId()).isEqualTo("WEB_FORM:k1");
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(event.automatic()).isFalse();
  }

  @Test
  void longTextIsCutAndMarked() {
    var form = new WebFormRequest(null, null, "a@example.com", null, null, "x".repeat(50), null);
    var event =
        WebFormNormalizer.toEvent(
            form, WebFormNormalizer.customer(form, "RU"), null, NOW, 10, new Random(1));
    assertThat(event.textTruncated()).isTrue();
    assertThat(event.text()).isEqualTo("x".repeat(10) + TextLimit.TRUNCATION_MARK);
  }

  @Test
  void fingerprintChangesWithContentNotWithTheKey() {
    var first = new WebFormRequest(null, "A", "a@example.com", null, "S", "T", "key-1");
    var sameContent = new WebFormRequest(null, "A", "a@example.com", null, "S", "T", "key-2");
    var otherText = new WebFormRequest(null, "A", "a@example.com", null, "S", "T2", "key-1");
    assertThat(WebFormNormalizer.fingerprint(first))
        .isEqualTo(WebFormNormalizer.fingerprint(sameContent))
        .isNotEqualTo(WebFormNormalizer.fingerprint(otherText));
  }
}
