package io.switchboard.contracts;

/**
 * Where an answer to the customer must go: the channel it came from.
 *
 * @param address e-mail address, E.164 phone, chat session id or Telegram chat id
 * @param threadRef what threads the answer to the customer's message (e-mail Message-ID, Telegram
 *     message id), or null
 */
public record ReplyAddress(Channel channel, String address, String threadRef) {}
