package io.switchboard.contracts;

/** The way a customer reached the company. Replies and acknowledgements go back on the same one. */
public enum Channel {
  EMAIL,
  WEB_FORM,
  CHAT,
  PHONE,
  TELEGRAM
}
