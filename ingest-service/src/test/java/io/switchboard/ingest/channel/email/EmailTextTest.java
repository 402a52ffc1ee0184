package io.switchboard.ingest.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTextTest {

  @Test
  void topPostedAnswerLosesTheRussianAttributionAndQuote() {
    String text =
        """
        Да, заказ тот же.

        23 нояб. 2026 г., в 10:00, Shop <shop@example.com> написал:
        > Уточните номер заказа
        """;
    assertThat(EmailText.clean(text)).isEqualTo("Да, заказ тот же.");
  }

  @Test
  void outlookHistoryBlockIsCut() {
    String text =
        """
        Please call me back.

        -----Original Message-----
        From: Support <support@shop.example>
        Sent: Monday, November 23, 2026 10:00 AM
        """;
    assertThat(EmailText.clean(text)).isEqualTo("Please call me back.");
  }

  @Test
  void bottomPostedAnswerBelowTheQuoteIsKept() {
    String text =
        """
        On Mon, 23 Nov 2026, Support wrote:
        > What is your order number?

        It is 4521.
        """;
    assertThat(EmailText.clean(text)).isEqualTo("It is 4521.");
  }

  @Test
  void signatureAfterTheDelimiterIsCut() {
    assertThat(EmailText.clean("Hello\r\n-- \r\nBob\r\nACME")).isEqualTo("Hello");
    assertThat(EmailText.clean("Привет\n\nОтправлено из Почты Mail")).isEqualTo("Привет");
  }
}
