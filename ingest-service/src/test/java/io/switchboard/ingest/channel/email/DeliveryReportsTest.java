package io.switchboard.ingest.channel.email;

import static io.switchboard.ingest.channel.email.EmailParserTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bounces of our own acknowledgement as real mail systems write them, and the reports that look
 * like bounces but are not. The samples keep each system's own headers, boundaries and report
 * fields; the returned message is notification-service's acknowledgement.
 */
class DeliveryReportsTest {

  @Test
  void postfixReturnsTheWholeAcknowledgementAsMessageRfc822() throws Exception {
    ParsedEmail bounce = EmailParser.parse(sample("bounce-postfix-ack.eml"));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>");
    assertThat(bounce.automatic()).isTrue();
    assertThat(bounce.fromAddress()).isEqualTo("MAILER-DAEMON@mx.switchboard.example");
    assertThat(bounce.subject()).isEqualTo("Undelivered Mail Returned to Sender");
    // The person-readable notification is the text; the returned message is no body of it.
    assertThat(bounce.text()).contains("could not", "User unknown").doesNotContain("Здравствуйте");
  }

  @Test
  void eximReturnsOnlyTheHeadersWithAFoldedMessageId() throws Exception {
    ParsedEmail bounce = EmailParser.parse(sample("bounce-exim-ack.eml"));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d6-1a2b-7c3d-8e4f-5a6b7c8d9e0f.ack.0@switchboard>");
    assertThat(bounce.text()).startsWith("This message was created automatically");
  }

  @Test
  void gmailNestsItsTextInRelatedAlternativeAndReturnsTheMessage() throws Exception {
    ParsedEmail bounce = EmailParser.parse(sample("bounce-gmail-ack.eml"));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d8-5e6f-7a8b-9c0d-2e3f4a5b6c7d.ack.0@switchboard>");
    assertThat(bounce.fromAddress()).isEqualTo("mailer-daemon@googlemail.com");
    assertThat(bounce.text()).contains("Address not found", "maria.k@example.org");
  }

  @Test
  void exchangeNamesTheTicketInItsSubjectAndIsABounceAllTheSame() throws Exception {
    ParsedEmail bounce = EmailParser.parse(sample("bounce-exchange-ack.eml"));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>");
    assertThat(bounce.subject()).contains("SB-7K3QZ9XD2M4P");
    assertThat(bounce.threadIds())
        .containsExactly("0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard");
  }

  @Test
  void qmailCopiesTheReturnedHeadersIntoItsPlainText() throws Exception {
    ParsedEmail bounce = EmailParser.parse(sample("bounce-qmail-ack.eml"));
    assertThat(bounce.bounceOf())
        .isEqualTo("<0192f1d7-3c4d-7e5f-9a0b-1c2d3e4f5a6b.ack.0@switchboard>");
    assertThat(bounce.automatic()).isTrue();
    assertThat(bounce.text()).contains("wasn't able to deliver");
  }

  @Test
  void aDelayWarningIsAutomaticButNoBounce() throws Exception {
    ParsedEmail delay = EmailParser.parse(sample("delay-postfix-ack.eml"));
    assertThat(delay.automatic()).isTrue();
    assertThat(delay.bounceOf()).isNull();
  }

  @Test
  void aBounceOfSomebodyElsesMessageIsAutomaticButNoBounceOfOurs() throws Exception {
    ParsedEmail bounce = EmailParser.parse(sample("bounce.eml"));
    assertThat(bounce.automatic()).isTrue();
    assertThat(bounce.bounceOf()).isNull();
  }

  @Test
  void aPersonQuotingOurMessageIdIsNoBounce() throws Exception {
    String forwarded =
        """
        From: anna@example.com
        Subject: Fwd: [SB-7K3QZ9XD2M4P] Мы получили ваше обращение
        Message-ID: <fwd-1@example.com>
        Content-Type: text/plain; charset=UTF-8

        Смотрите, что пришло:

        Message-ID: <0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>
        """;
    ParsedEmail mail = EmailParser.parse(forwarded.getBytes(StandardCharsets.UTF_8));
    assertThat(mail.bounceOf()).isNull();
    assertThat(mail.automatic()).isFalse();
  }

  @Test
  void aReadReceiptOfOurMessageIsNoBounce() throws Exception {
    String receipt =
        """
        From: anna@example.com
        Subject: Read: [SB-7K3QZ9XD2M4P]
        Message-ID: <mdn-1@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=disposition-notification; boundary="R"

        --R
        Content-Type: text/plain; charset=us-ascii

        Your message was displayed.
        --R
        Content-Type: message/disposition-notification

        Final-Recipient: rfc822; anna@example.com
        Original-Message-ID: <0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>
        Disposition: manual-action/MDN-sent-manually; displayed
        --R
        Content-Type: text/rfc822-headers

        Message-ID: <0192f1d4-7c1e-7a3b-9f00-3c5d2b8e4a11.ack.0@switchboard>
        --R--
        """;
    ParsedEmail mail = EmailParser.parse(receipt.getBytes(StandardCharsets.US_ASCII));
    assertThat(mail.bounceOf()).isNull();
  }
}
