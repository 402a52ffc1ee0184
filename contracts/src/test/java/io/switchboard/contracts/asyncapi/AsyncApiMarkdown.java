package io.switchboard.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The AsyncAPI document as Markdown for the README: the common headers, one table per topic (key,
 * producer, consumers, dead-letter topics, message types with their schema versions) and the
 * dead-letter headers. Generated, so that the README cannot drift from the document.
 */
public final class AsyncApiMarkdown {
  private final AsyncApiDocument doc;

  public AsyncApiMarkdown(AsyncApiDocument doc) {
    this.doc = doc;
  }

  public String render() {
    StringBuilder md = new StringBuilder();
    md.append("<!-- generated from ")
        .append("contracts/src/main/resources/")
        .append(AsyncApiDocument.RESOURCE)
        .append(" by AsyncApiMarkdown; do not edit by hand -->\n\n");
    List<JsonNode> topics = new ArrayList<>();
    List<JsonNode> deadLetters = new ArrayList<>();
    for (var channel : doc.channels()) {
      (AsyncApiCompleteness.isDeadLetterChannel(channel.getValue()) ? deadLetters : topics)
          .add(channel.getValue());
    }
    JsonNode eventMessage = topics.isEmpty() ? null : firstMessage(topics.getFirst());
    if (eventMessage != null) {
      md.append(
          "Every event record's headers (CloudEvents binary mode; the value is the JSON payload):\n\n");
      headerTable(doc.resolve(eventMessage.path("headers")), md);
    }
    for (JsonNode topic : topics) {
      topicSection(topic, md);
    }
    if (!deadLetters.isEmpty()) {
      md.append("\n#### Dead-letter topics\n\n");
      md.append(
          "A consumer writes a record it cannot process to its own dead-letter topic: key, value and"
              + " headers unchanged, plus:\n\n");
      headerTable(doc.resolve(firstMessage(deadLetters.getFirst()).path("headers")), md);
    }
    return md.toString();
  }

  private void topicSection(JsonNode channel, StringBuilder md) {
    String address = channel.path("address").asText();
    md.append("\n#### `").append(address).append("`\n\n");
    md.append(oneLine(channel.path("description").asText())).append("\n\n");
    JsonNode first = firstMessage(channel);
    JsonNode key = doc.resolve(first.path("bindings").path("kafka").path("key"));
    md.append("| | |\n|---|---|\n");
    md.append("| key | ")
        .append(joined(typeOf(key), oneLine(key.path("description").asText())))
        .append(" |\n");
    md.append("| producer | ").append(services(doc.operationsOn(address, "send"))).append(" |\n");
    md.append("| consumers | ")
        .append(orElse(consumers(doc.operationsOn(address, "receive")), "none (integrators)"))
        .append(" |\n");
    md.append("| dead-letter topics | ")
        .append(orElse(deadLettersOf(address), "none"))
        .append(" |\n\n");
    md.append("| `ce_type` | schema version | payload schema | meaning |\n|---|---|---|---|\n");
    for (var message : doc.messagesOf(channel)) {
      JsonNode m = message.getValue();
      JsonNode payload = doc.resolve(m.path("payload"));
      md.append("| `")
          .append(m.path("name").asText())
          .append("` | ")
          .append(payload.path("properties").path("schemaVersion").path("const").asText("?"))
          .append(" | `")
          .append(m.path("payload").path("$ref").asText())
          .append("` | ")
          .append(oneLine(m.path("summary").asText()))
          .append(" |\n");
    }
  }

  private static void headerTable(JsonNode headers, StringBuilder md) {
    List<String> required = new ArrayList<>();
    headers.path("required").forEach(r -> required.add(r.asText()));
    md.append("| header | required | value |\n|---|---|---|\n");
    for (Map.Entry<String, JsonNode> header : headers.path("properties").properties()) {
      JsonNode schema = header.getValue();
      String value =
          schema.has("const")
              ? "`" + schema.path("const").asText() + "`"
              : joined(typeOf(schema), oneLine(schema.path("description").asText()));
      md.append("| `")
          .append(header.getKey())
          .append("` | ")
          .append(required.contains(header.getKey()) ? "yes" : "no")
          .append(" | ")
          .append(value)
          .append(" |\n");
    }
  }

  private String deadLettersOf(String address) {
    return doc.channels().stream()
        .map(Map.Entry::getValue)
        .filter(c -> c.path("x-dead-letters-of").asText().equals(address))
        .map(
            c ->
                "`"
                    + c.path("address").asText()
                    + "` ("
                    + services(doc.operationsOn(c.path("address").asText(), "send"))
                    + ")")
        .collect(Collectors.joining(", "));
  }

  private JsonNode firstMessage(JsonNode channel) {
    return doc.messagesOf(channel).getFirst().getValue();
  }

  private static String services(List<JsonNode> operations) {
    return operations.stream()
        .map(op -> op.path("x-service").asText())
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static String consumers(List<JsonNode> receives) {
    return receives.stream()
        .map(
            op -> {
              String group =
                  op.path("bindings").path("kafka").path("groupId").path("enum").path(0).asText();
              String service = op.path("x-service").asText();
              return group.isEmpty() ? service : service + " (group `" + group + "`)";
            })
        .collect(Collectors.joining(", "));
  }

  private static String typeOf(JsonNode schema) {
    String type = schema.path("type").asText();
    String format = schema.path("format").asText();
    return type.isEmpty() ? "" : "`" + type + (format.isEmpty() ? "" : " (" + format + ")") + "`";
  }

  private static String joined(String type, String description) {
    if (type.isEmpty() || description.isEmpty()) {
      return type + description;
    }
    return type + ", " + description;
  }

  private static String orElse(String text, String none) {
    return text.isEmpty() ? none : text;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ").replace("|", "\\|");
  }
}
