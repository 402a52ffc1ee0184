package io.switchboard.notification.delivery;

/** The provider refused the message for good (bad address, bad request): no retry. */
public class DeliveryRejected extends RuntimeException {
  public DeliveryRejected(String reason) {
    super(reason);
  }
}
