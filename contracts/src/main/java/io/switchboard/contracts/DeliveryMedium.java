package io.switchboard.contracts;

/** How a notification reaches its recipient. */
public enum DeliveryMedium {
  EMAIL,
  SMS,
  TELEGRAM,
  CHAT,
  SLACK
}
