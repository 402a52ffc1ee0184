package io.switchboard.notification.csat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsatLinksTest {
  private final CsatLinks links = new CsatLinks("https://support.example.com/csat/", "s3cret");

  @Test
  void aLinkCarriesTheInquiryAndItsToken() {
    String link = links.link("6f1c");

    assertThat(link).startsWith("https://support.example.com/csat/6f1c?token=");
    assertThat(links.verify("6f1c", link.substring(link.indexOf("token=") + 6))).isTrue();
  }

  @Test
  void aTokenRatesOnlyItsOwnInquiry() {
    String token = links.token("6f1c");

    assertThat(links.verify("7a2d", token)).isFalse();
    assertThat(links.verify("6f1c", null)).isFalse();
    assertThat(new CsatLinks("https://x", "other").verify("6f1c", token)).isFalse();
  }
}
