package io.switchboard.notification.acknowledgement;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import java.util.Optional;

/**
 * Where an inquiry's acknowledgement goes: back on the channel it came from, a form by e-mail or
 * SMS, whichever the customer gave. Pure, no I/O.
 *
 * @param threadRef what threads the acknowledgement to the customer's own message, or null
 */
public record AcknowledgementRoute(DeliveryMedium medium, String address, String threadRef) {

  public static Optional<AcknowledgementRoute> of(InquiryReceived inquiry) {
    ReplyAddress reply = inquiry.replyAddress();
    if (reply != null && present(reply.address())) {
      String address = reply.address().strip();
      return Optional.of(
          new AcknowledgementRoute(medium(reply.channel(), address), address, reply.threadRef()));
    }
    if (inquiry.customer() != null && present(inquiry.customer().email())) {
      return Optional.of(
          new AcknowledgementRoute(DeliveryMedium.EMAIL, inquiry.customer().email(), null));
    }
    if (inquiry.customer() != null && present(inquiry.customer().phone())) {
      return Optional.of(
          new AcknowledgementRoute(DeliveryMedium.SMS, inquiry.customer().phone(), null));
    }
    return Optional.empty();
  }

  private static DeliveryMedium medium(Channel channel, String address) {
    return switch (channel) {
      case EMAIL -> DeliveryMedium.EMAIL;
      case PHONE -> DeliveryMedium.SMS;
      case TELEGRAM -> DeliveryMedium.TELEGRAM;
      case CHAT -> DeliveryMedium.CHAT;
      case WEB_FORM -> address.contains("@") ? DeliveryMedium.EMAIL : DeliveryMedium.SMS;
    };
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
