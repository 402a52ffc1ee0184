package io.switchboard.ingest.threading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketTokenTest {

  @Test
  void findsTheTicketThroughReplyPrefixesAndBrackets() {
    assertThat(TicketToken.find("Re: Fwd: Ваше обращение [SB-7K3QZ9XD2M4P] принято"))
        .contains("SB-7K3QZ9XD2M4P");
    assertThat(TicketToken.find("re: sb-7k3qz9xd2m4p")).contains("SB-7K3QZ9XD2M4P");
  }

  @Test
  void ignoresLookAlikes() {
    assertThat(TicketToken.find("SB-7K3QZ9XD2M4PX")).isEmpty();
    assertThat(TicketToken.find("XSB-7K3QZ9XD2M4P")).isEmpty();
    assertThat(TicketToken.find("SB-7K3QZ9XD2M4")).isEmpty();
    assertThat(TicketToken.find("SB-7K3QZ9XD2MIL")).isEmpty();
    assertThat(TicketToken.find(null)).isEmpty();
  }
}
