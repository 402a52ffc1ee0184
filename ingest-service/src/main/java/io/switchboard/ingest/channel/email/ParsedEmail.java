package io.switchboard.ingest.channel.email;

import io.switchboard.contracts.Attachment;
import java.util.ArrayList;
import java.util.List;

/**
 * What an RFC 5322 message says, decoded: headers in Unicode, the body as plain text without quoted
 * history or signature.
 *
 * @param messageId the Message-ID without angle brackets, or null when the message has none
 * @param inReplyTo Message-IDs named by In-Reply-To, without angle brackets
 * @param references Message-IDs named by References, without angle brackets
 * @param fromAddress the sender's address as written (not yet normalized), or null
 * @param automatic true for machine-written mail: bounces, auto-replies, bulk and list mail
 * @param bounceOf for a delivery report that returns a message Switchboard sent: that message's
 *     Message-ID in angle brackets ({@code <….ack.0@switchboard>}); null otherwise
 */
public record ParsedEmail(
    String messageId,
    List<String> inReplyTo,
    List<String> references,
    String fromName,
    String fromAddress,
    String subject,
    String text,
    List<Attachment> attachments,
    boolean automatic,
    String bounceOf) {

  /** Every Message-ID this message answers, nearest first. */
  public List<String> threadIds() {
    List<String> ids = new ArrayList<>(inReplyTo);
    for (int i = references.size() - 1; i >= 0; i--) {
      if (!ids.contains(references.get(i))) {
        ids.add(references.get(i));
      }
    }
    return ids;
  }
}
