package io.switchboard.ingest.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contracts.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmailParserTest {

  static byte[] sample(String name) {
    try (InputStream in = EmailParserTest.class.getResourceAsStream("/email/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing sample " + name, e);
    }
  }

  @Test
  void utf8AlternativeQuotedPrintableKeepsThePlainPartWithoutQuoteAndSignature() throws Exception {
    ParsedEmail mail = EmailParser.parse(sample("utf8-alternative-qp.eml"));
    assertThat(mail.messageId()).isEqualTo("CAF7x9Qm1.utf8.4521@mail.example.com");
    assertThat(mail.fromName()).isEqualTo("Анна Петрова");
    assertThat(mail.fromAddress()).isEqualTo("Anna.Petrova@Example.com");
    assertThat(mail.subject()).isEqualTo("Не работает оплата заказа №4521");
    assertThat(mail.text())
        .isEqualTo(
            """
            Здравствуйте!

            Оплатил заказ №4521 картой, деньги списались, а заказ так и висит «не оплачен».
            Что делать?""");
    assertThat(mail.attachments()).isEmpty();
    assertThat(mail.automatic()).isFalse();
  }

  @Test
  void windows1251Base64MixedKeepsTextAndAttachmentMetadata() throws Exception {
    ParsedEmail mail = EmailParser.parse(sample("windows-1251-mixed-base64.eml"));
    assertThat(mail.fromName()).isEqualTo("Игорь Смирнов");
    assertThat(mail.subject()).isEqualTo("Счёт на оплату по договору");
    assertThat(mail.text())
        .startsWith("Добрый день.")
        .contains("реквизиты во вложении")
        .doesNotContain("iPhone");
    assertThat(mail.attachments())
        .containsExactly(new Attachment("Реквизиты.pdf", "application/pdf", 2064));
  }

  @Test
  void koi8rHtmlOnlyBodyBecomesTextWithoutTheSignatureBlock() throws Exception {
    ParsedEmail mail = EmailParser.parse(sample("koi8r-html-only.eml"));
    assertThat(mail.fromName()).isEqualTo("Ольга Кузнецова");
    assertThat(mail.subject()).isEqualTo("Не приходит SMS");
    assertThat(mail.text())
        .isEqualTo(
            "Здравствуйте,\n\nне приходит SMS с кодом подтверждения на номер +7 903 555-12-34.");
    assertThat(mail.text()).doesNotContain("<", "Ольга");
  }

  @Test
  void autoRepliesBouncesAndBulkMailAreAutomatic() throws Exception {
    assertThat(EmailParser.parse(sample("auto-reply.eml")).automatic()).isTrue();
    assertThat(EmailParser.parse(sample("auto-reply.eml")).text())
        .isEqualTo("Я в отпуске до 1 декабря.");
    ParsedEmail bounce = EmailParser.parse(sample("bounce.eml"));
    assertThat(bounce.automatic()).isTrue();
    assertThat(bounce.text()).contains("could not");
    assertThat(EmailParser.parse(sample("bulk.eml")).automatic()).isTrue();
  }

  @Test
  void autoSubmittedNoIsAPerson() throws Exception {
    String raw =
        """
        From: a@example.com
        Subject: hi
        Message-ID: <x1@example.com>
        Auto-Submitted: no
        Content-Type: text/plain; charset=us-ascii

        Hello
        """;
    assertThat(EmailParser.parse(raw.getBytes(StandardCharsets.US_ASCII)).automatic()).isFalse();
  }

  @Test
  void inReplyToAndReferencesNameTheThreadNearestFirst() throws Exception {
    String raw =
        """
        From: a@example.com
        Subject: Re: hi
        Message-ID: <x3@example.com>
        In-Reply-To: <x2@example.com>
        References: <x0@example.com>
         <x1@example.com> <x2@example.com>
        Content-Type: text/plain; charset=us-ascii

        Thanks
        """;
    ParsedEmail mail = EmailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    assertThat(mail.threadIds())
        .containsExactly("x2@example.com", "x1@example.com", "x0@example.com");
  }

  @Test
  void aBrokenMultipartIsMalformed() {
    String raw =
        """
        From: a@example.com
        Content-Type: multipart/mixed

        no boundary anywhere
        """;
    assertThatThrownBy(() -> EmailParser.parse(raw.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(MalformedEmailException.class);
  }
}
