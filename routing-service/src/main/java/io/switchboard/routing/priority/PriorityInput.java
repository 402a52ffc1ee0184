package io.switchboard.routing.priority;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.routing.phrase.Phrases;

/** What the rules look at. {@code text} is subject and body, normalized for matching. */
public record PriorityInput(Channel channel, InquiryKind kind, String segment, String text) {

  public static PriorityInput of(
      Channel channel, InquiryKind kind, String segment, String subject, String body) {
    String joined = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
    return new PriorityInput(
        channel, kind == null ? InquiryKind.MESSAGE : kind, segment, Phrases.normalize(joined));
  }
}
