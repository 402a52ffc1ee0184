package io.switchboard.contracts;

/**
 * An attachment, as metadata only: the content stays with the channel.
 *
 * @param size bytes
 */
public record Attachment(String name, String contentType, long size) {}
