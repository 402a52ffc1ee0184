package io.switchboard.ingest.channel.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The part of the Telegram Bot API {@code Update} object
 * (https://core.telegram.org/bots/api#update) that an inquiry needs. Other update kinds (edited
 * messages, callbacks) carry no {@code message}.
 */
public record TelegramUpdate(@JsonProperty("update_id") Long updateId, Message message) {

  public record Message(
      @JsonProperty("message_id") Long messageId,
      User from,
      Chat chat,
      Long date,
      String text,
      String caption,
      Document document,
      List<PhotoSize> photo,
      Contact contact) {}

  public record User(
      Long id,
      @JsonProperty("is_bot") Boolean isBot,
      @JsonProperty("first_name") String firstName,
      @JsonProperty("last_name") String lastName,
      String username,
      @JsonProperty("language_code") String languageCode) {}

  public record Chat(Long id, String type) {}

  public record Document(
      @JsonProperty("file_id") String fileId,
      @JsonProperty("file_name") String fileName,
      @JsonProperty("mime_type") String mimeType,
      @JsonProperty("file_size") Long fileSize) {}

  public record PhotoSize(
      @JsonProperty("file_id") String fileId,
      Integer width,
      Integer height,
      @JsonProperty("file_size") Long fileSize) {}

  public record Contact(
      @JsonProperty("phone_number") String phoneNumber,
      @JsonProperty("first_name") String firstName,
      @JsonProperty("user_id") Long userId) {}
}
