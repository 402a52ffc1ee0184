package io.switchboard.routing.priority;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import java.util.Locale;

/** What the rules look at. {@code text} is subject and body, normalized for matching. */
public record PriorityInput(Channel channel, InquiryKind kind, String segment, String text) {

  public static PriorityInput of(
      Channel channel, InquiryKind kind, String segment, String subject, String body) {
    String joined = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
    return new PriorityInput(
        channel, kind == null ? InquiryKind.MESSAGE : kind, segment, normalize(joined));
  }

  /** Customers write "ё" and "е" interchangeably; rules are written with "е". */
  public static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
  }
}
