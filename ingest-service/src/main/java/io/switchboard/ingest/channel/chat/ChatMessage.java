package io.switchboard.ingest.channel.chat;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a site-chat conversation, as the chat widget's backend posts it. */
@Schema(
    description = "A site-chat message",
    example =
        """
        {"sessionId": "s-8f2c", "messageId": "m-1", "author": "visitor",
         "visitor": {"name": "Анна", "email": "anna@example.com"},
         "text": "Здравствуйте, не проходит оплата"}
        """)
public record ChatMessage(
    @Schema(required = true, description = "The conversation; replies go back to it")
        String sessionId,
    @Schema(required = true, description = "Unique within the session; makes redelivery harmless")
        String messageId,
    @Schema(description = "visitor (default) or operator") String author,
    @Schema(description = "The operator who wrote, for operator messages") String operatorId,
    Visitor visitor,
    @Schema(required = true) String text) {

  public record Visitor(String name, String email, String phone) {}

  public boolean fromOperator() {
    return "operator".equals(author);
  }
}
