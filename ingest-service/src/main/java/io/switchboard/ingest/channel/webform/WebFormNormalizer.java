package io.switchboard.ingest.channel.webform;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.ingest.normalize.Contacts;
import io.switchboard.ingest.normalize.Fingerprints;
import io.switchboard.ingest.normalize.Languages;
import io.switchboard.ingest.normalize.TextLimit;
import io.switchboard.ingest.normalize.Tickets;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns a valid web form into the one normalized inquiry event: pure, no I/O. */
public final class WebFormNormalizer {
  private WebFormNormalizer() {}

  /** Who wrote, contacts in their normal forms; the customer id is resolved later. */
  public static Customer customer(WebFormRequest form, String defaultRegion) {
    return new Customer(
        null,
        form.name() == null ? null : form.name().strip(),
        Contacts.email(form.email()).orElse(null),
        Contacts.phone(form.phone(), defaultRegion).orElse(null));
  }

  /**
   * @param customer who wrote, as {@link #customer} made it, with the customer id resolved
   */
  public static InquiryReceived toEvent(
      WebFormRequest form,
      Customer customer,
      String sourceKey,
      Instant receivedAt,
      int maxTextLength,
      RandomGenerator random) {
    TextLimit.Limited text = TextLimit.apply(form.text(), maxTextLength);
    return new InquiryReceived(
        EventIds.next(),
        EventIds.next().toString(),
        receivedAt,
        InquiryReceived.SCHEMA_VERSION,
        Tickets.next(random),
        form.channel() == null ? Channel.WEB_FORM : Channel.valueOf(form.channel()),
        customer,
        form.subject() == null ? null : form.subject().strip(),
        text.text(),
        Languages.detect(form.subject(), text.text()),
        sourceKey,
        false,
        InquiryKind.MESSAGE,
        text.truncated(),
        List.of(),
        replyAddress(customer),
        null);
  }

  // Forms carry no channel of their own to answer on: e-mail when given, otherwise the phone.
  private static ReplyAddress replyAddress(Customer customer) {
    return customer.email() != null
        ? new ReplyAddress(Channel.EMAIL, customer.email(), null)
        : new ReplyAddress(Channel.PHONE, customer.phone(), null);
  }

  /** Fingerprint of what the customer sent, to tell a true retry from a reused key. */
  public static String fingerprint(WebFormRequest form) {
    return Fingerprints.of(
        form.channel(), form.name(), form.email(), form.phone(), form.subject(), form.text());
  }
}
