package io.switchboard.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.contracts.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an integrator needs from the document for every topic: key, headers and payload of each
 * message, the producer, the consumers and where each consumer's dead letters go, with the headers
 * that explain them. Returns every gap instead of stopping at the first, so one run lists them all.
 */
public final class AsyncApiCompleteness {
  /** The headers SmallRye Reactive Messaging's dead-letter-queue strategy adds (4.34). */
  public static final List<String> DEAD_LETTER_HEADERS =
      List.of(
          "dead-letter-reason",
          "dead-letter-cause",
          "dead-letter-exception-class-name",
          "dead-letter-cause-class-name",
          "dead-letter-topic",
          "dead-letter-partition",
          "dead-letter-offset");

  private final AsyncApiDocument doc;
  private final Set<String> eventHeaders;

  /**
   * @param eventHeaders the headers every event record carries (the CloudEvents binding)
   */
  public AsyncApiCompleteness(AsyncApiDocument doc, Set<String> eventHeaders) {
    this.doc = doc;
    this.eventHeaders = eventHeaders;
  }

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (var channel : doc.channels()) {
      checkChannel(channel.getKey(), channel.getValue(), problems);
    }
    for (var operation : doc.operations()) {
      JsonNode op = operation.getValue();
      if (op.path("x-service").asText().isBlank()) {
        problems.add("operation " + operation.getKey() + " names no x-service");
      }
      if (op.path("action").asText().equals("receive")) {
        checkDeadLetterOf(operation.getKey(), op, problems);
      }
    }
    return problems;
  }

  private void checkChannel(String id, JsonNode channel, List<String> problems) {
    String address = channel.path("address").asText();
    boolean deadLetters = isDeadLetterChannel(channel);
    var messages = doc.messagesOf(channel);
    if (messages.isEmpty()) {
      problems.add("channel " + address + " carries no message");
    }
    for (var message : messages) {
      String where = "message " + message.getKey() + " on " + address;
      JsonNode m = message.getValue();
      if (!hasType(doc.resolve(m.path("bindings").path("kafka").path("key")))) {
        problems.add(where + " has no Kafka key schema");
      }
      if (m.path("payload").isMissingNode() || m.path("payload").isEmpty()) {
        problems.add(where + " has no payload schema");
      }
      Set<String> headers = headerNames(m);
      Set<String> expected = new HashSet<>(deadLetters ? DEAD_LETTER_HEADERS : eventHeaders);
      expected.removeAll(headers);
      if (!expected.isEmpty()) {
        problems.add(where + " lacks headers " + expected);
      }
    }
    List<JsonNode> producers = doc.operationsOn(address, "send");
    if (producers.isEmpty()) {
      problems.add("channel " + id + " (" + address + ") has no producer (send operation)");
    }
  }

  private void checkDeadLetterOf(String id, JsonNode receive, List<String> problems) {
    String topic = doc.channelOf(receive).path("address").asText();
    String service = receive.path("x-service").asText();
    String dlq = Topics.deadLetter(topic, service.replaceFirst("-service$", ""));
    JsonNode channel =
        doc.channels().stream()
            .map(c -> c.getValue())
            .filter(c -> c.path("address").asText().equals(dlq))
            .findFirst()
            .orElse(null);
    if (channel == null) {
      problems.add("consumer " + id + " has no dead-letter channel " + dlq);
      return;
    }
    if (!channel.path("x-dead-letters-of").asText().equals(topic)) {
      problems.add("dead-letter channel " + dlq + " must say x-dead-letters-of: " + topic);
    }
    boolean sentByConsumer =
        doc.operationsOn(dlq, "send").stream()
            .anyMatch(op -> op.path("x-service").asText().equals(service));
    if (!sentByConsumer) {
      problems.add("dead-letter channel " + dlq + " has no send operation of " + service);
    }
  }

  static boolean isDeadLetterChannel(JsonNode channel) {
    return channel.has("x-dead-letters-of") || channel.path("address").asText().endsWith(".dlq");
  }

  private Set<String> headerNames(JsonNode message) {
    Set<String> names = new HashSet<>();
    doc.resolve(message.path("headers"))
        .path("properties")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  private static boolean hasType(JsonNode schema) {
    return schema.hasNonNull("type");
  }
}
