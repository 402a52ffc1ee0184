package io.switchboard.routing.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.testing.EventFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch is cut so that replies can go before receipts without reordering any inquiry. */
class InboundRoundTest {

  @Test
  void aBatchOfReceiptsAndRepliesToOlderInquiriesIsOneRound() {
    InquiryReceived a = EventFixtures.inquiryReceived().build();
    InquiryEvent toOld = reply("11111111-1111-7111-8111-111111111111");
    InquiryReceived b = EventFixtures.inquiryReceived().build();

    List<InboundRound> rounds = InboundRound.of(List.of(a, toOld, b));

    assertThat(rounds).hasSize(1);
    assertThat(rounds.getFirst().replies()).containsExactly(toOld);
    assertThat(rounds.getFirst().received()).containsExactly(a, b);
  }

  @Test
  void aReplyToAnInquiryReceivedInTheRoundStartsTheNext() {
    InquiryReceived a = EventFixtures.inquiryReceived().build();
    InquiryReceived b = EventFixtures.inquiryReceived().build();
    InquiryEvent toA = reply(a.inquiryId());
    InquiryReceived c = EventFixtures.inquiryReceived().build();
    InquiryEvent toB = reply(b.inquiryId());
    InquiryEvent toC = reply(c.inquiryId());

    List<InboundRound> rounds = InboundRound.of(List.of(a, b, toA, c, toB, toC));

    assertThat(rounds)
        .containsExactly(
            new InboundRound(List.of(), List.of(a, b)),
            // b was received in an earlier round: its reply may go before c's receipt.
            new InboundRound(List.of(toA, toB), List.of(c)),
            new InboundRound(List.of(toC), List.of()));
  }

  @Test
  void aSecondReceiptOfTheSameInquiryIsLeftOut() {
    InquiryReceived a = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    InquiryReceived again =
        EventFixtures.inquiryReceived().inquiryId(a.inquiryId()).channel(Channel.CHAT).build();

    assertThat(InboundRound.of(List.of(a, again)))
        .containsExactly(new InboundRound(List.of(), List.of(a)));
  }

  private static InquiryEvent reply(String inquiryId) {
    return new OperatorReplied(
        EventIds.next(),
        inquiryId,
        Instant.now(),
        OperatorReplied.SCHEMA_VERSION,
        Channel.EMAIL,
        "op",
        "support@example.com",
        "m-" + EventIds.next());
  }
}
