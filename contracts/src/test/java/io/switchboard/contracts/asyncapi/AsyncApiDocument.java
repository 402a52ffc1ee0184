package io.switchboard.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The AsyncAPI document as a tree, with the few navigation steps the contract checks and the README
 * rendering share: local {@code $ref}s resolved, file {@code $ref}s (the payload schemas) loaded.
 */
public final class AsyncApiDocument {
  public static final String RESOURCE = "asyncapi/switchboard.asyncapi.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;
  private final Function<String, JsonNode> externalSchemas;

  public AsyncApiDocument(JsonNode root, Function<String, JsonNode> externalSchemas) {
    this.root = root;
    this.externalSchemas = externalSchemas;
  }

  /** The document of the contracts module, payload schemas read from next to it. */
  public static AsyncApiDocument load() {
    return of(read(RESOURCE, YAML));
  }

  /** A (possibly altered) copy of the document, payload schemas read from the contracts module. */
  public static AsyncApiDocument of(JsonNode root) {
    return new AsyncApiDocument(root, file -> read("asyncapi/" + file, JSON));
  }

  public JsonNode root() {
    return root;
  }

  /** A node, following a {@code $ref} when it is one (local pointer or a schema file). */
  public JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (ref.isEmpty()) {
      return node;
    }
    return ref.startsWith("#") ? resolve(root.at(ref.substring(1))) : externalSchemas.apply(ref);
  }

  public List<Map.Entry<String, JsonNode>> channels() {
    return new ArrayList<>(root.path("channels").properties());
  }

  public List<Map.Entry<String, JsonNode>> operations() {
    return new ArrayList<>(root.path("operations").properties());
  }

  /** The channel an operation acts on. */
  public JsonNode channelOf(JsonNode operation) {
    return resolve(operation.path("channel"));
  }

  /** The operations with {@code action} on the channel at {@code address}. */
  public List<JsonNode> operationsOn(String address, String action) {
    List<JsonNode> found = new ArrayList<>();
    for (var operation : operations()) {
      JsonNode op = operation.getValue();
      if (op.path("action").asText().equals(action)
          && channelOf(op).path("address").asText().equals(address)) {
        found.add(op);
      }
    }
    return found;
  }

  /** The messages a channel carries, each resolved to its component. */
  public List<Map.Entry<String, JsonNode>> messagesOf(JsonNode channel) {
    List<Map.Entry<String, JsonNode>> messages = new ArrayList<>();
    for (var message : channel.path("messages").properties()) {
      messages.add(Map.entry(message.getKey(), resolve(message.getValue())));
    }
    return messages;
  }

  public static JsonNode read(String resource, ObjectMapper mapper) {
    try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable resource " + resource, e);
    }
  }
}
