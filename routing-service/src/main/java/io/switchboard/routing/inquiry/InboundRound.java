package io.switchboard.routing.inquiry;

import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Part of an inbound batch that is applied replies first, then new inquiries, each kind all at
 * once. Reordering the two kinds keeps every inquiry's own order because a round ends before a
 * reply to an inquiry received in it: a reply in a round is always about an inquiry that existed
 * before the round. Pure, no I/O.
 *
 * @param replies customer and operator replies, in batch order
 * @param received new inquiries, in batch order, each inquiry once
 */
record InboundRound(List<InquiryEvent> replies, List<InquiryReceived> received) {

  /**
   * The batch's rounds, usually one. A second receipt of an inquiry already received in the batch
   * is left out: the inquiry exists by then.
   */
  static List<InboundRound> of(List<InquiryEvent> events) {
    List<InboundRound> rounds = new ArrayList<>();
    Set<String> receivedInBatch = new HashSet<>();
    Set<String> receivedInRound = new HashSet<>();
    List<InquiryEvent> replies = new ArrayList<>();
    List<InquiryReceived> received = new ArrayList<>();
    for (InquiryEvent event : events) {
      if (event instanceof InquiryReceived receipt) {
        if (receivedInBatch.add(receipt.inquiryId())) {
          receivedInRound.add(receipt.inquiryId());
          received.add(receipt);
        }
        continue;
      }
      if (receivedInRound.contains(event.inquiryId())) {
        rounds.add(new InboundRound(replies, received));
        replies = new ArrayList<>();
        received = new ArrayList<>();
        receivedInRound.clear();
      }
      replies.add(event);
    }
    if (!replies.isEmpty() || !received.isEmpty()) {
      rounds.add(new InboundRound(replies, received));
    }
    return rounds;
  }
}
