package io.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.switchboard.contracts.asyncapi.AsyncApiCompleteness;
import io.switchboard.contracts.asyncapi.AsyncApiDocument;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Holds the event records and the AsyncAPI document (with its JSON Schemas) to each other. */
class AsyncApiContractTest {
  private static final String SCHEMA_BASE = "https://switchboard.io/schemas/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode DOC = loadDocument();
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:asyncapi/schemas/")));
  private static final SchemaValidatorsConfig STRICT =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventTypeIsAMessageOnItsTopicWithAProducer(EventType type) {
    String messageKey = messageKeyOf(type);
    JsonNode channel = channelAt(type.topic());
    assertThat(channel).as("channel with address %s", type.topic()).isNotNull();
    assertThat(channel.path("messages").path(messageKey).path("$ref").asText())
        .isEqualTo("#/components/messages/" + messageKey);
    assertThat(operationsSending(type.topic(), messageKey))
        .as("send operation for %s", type.ceType())
        .hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void recordAndSchemaHaveTheSameFieldsAndTypes(EventType type) {
    JsonNode schema = schemaOf(type);
    assertThat(schema.path("properties").path("schemaVersion").path("const").asInt())
        .as("schema version of %s", type)
        .isEqualTo(type.schemaVersion());
    assertSameShape(type.recordClass(), schema, type.name());
  }

  @Test
  void everySampleEventValidatesAgainstItsSchema() {
    for (InquiryEvent event : SampleEvents.all()) {
      JsonSchema schema = validator(EventType.of(event));
      assertThat(schema.validate(EventCodec.encode(event), com.networknt.schema.InputFormat.JSON))
          .as("validation of %s", event)
          .isEmpty();
    }
  }

  @Test
  void schemasRejectWhatTheRecordsCannotCarry() {
    JsonSchema schema = validator(EventType.INQUIRY_RECEIVED);
    String valid = EventCodec.encode(SampleEvents.all().getFirst());
    assertThat(schema.validate(valid.replace("\"WEB_FORM\"", "\"FAX\""), inputJson())).isNotEmpty();
    assertThat(schema.validate(valid.replaceFirst("\\{", "{\"extra\":1,"), inputJson()))
        .isNotEmpty();
    assertThat(schema.validate(valid.replace("+79161234567", "8916"), inputJson())).isNotEmpty();
  }

  @Test
  void everyTopicHasKeyHeadersPayloadProducerConsumersAndDeadLetters() {
    Set<String> eventHeaders = CloudEvents.headers(SampleEvents.all().getFirst(), "/x").keySet();
    assertThat(new AsyncApiCompleteness(AsyncApiDocument.load(), eventHeaders).problems())
        .as("gaps in the AsyncAPI document")
        .isEmpty();
  }

  @Test
  void deadLetterTopicsAreDocumented() {
    for (String consumer : List.of("routing", "sla", "notification")) {
      String dlq = Topics.deadLetter(Topics.INQUIRIES_INBOUND, consumer);
      assertThat(channelAt(dlq)).as("dead-letter channel %s", dlq).isNotNull();
    }
  }

  private static com.networknt.schema.InputFormat inputJson() {
    return com.networknt.schema.InputFormat.JSON;
  }

  private void assertSameShape(Class<?> recordClass, JsonNode schema, String path) {
    JsonNode properties = schema.path("properties");
    Set<String> schemaFields = new HashSet<>();
    properties.fieldNames().forEachRemaining(schemaFields::add);
    Set<String> recordFields = new HashSet<>();
    for (RecordComponent component : recordClass.getRecordComponents()) {
      recordFields.add(component.getName());
      String where = path + "." + component.getName();
      JsonNode property = properties.path(component.getName());
      assertThat(property.isMissingNode()).as("%s is missing from the schema", where).isFalse();
      assertTypeMatches(component.getGenericType(), resolve(property), where);
      if (component.getType().isPrimitive()) {
        assertThat(requiredOf(schema))
            .as("%s must be required", where)
            .contains(component.getName());
      }
    }
    assertThat(recordFields).as("fields of %s", path).isEqualTo(schemaFields);
  }

  private void assertTypeMatches(Type genericType, JsonNode property, String where) {
    Set<String> jsonTypes = typesOf(property);
    if (genericType instanceof ParameterizedType list && list.getRawType() == List.class) {
      assertThat(jsonTypes).as(where).containsExactly("array");
      assertTypeMatches(
          list.getActualTypeArguments()[0], resolve(property.path("items")), where + "[]");
      return;
    }
    Class<?> javaType = (Class<?>) genericType;
    if (javaType == String.class) {
      assertThat(jsonTypes).as(where).contains("string");
    } else if (javaType == UUID.class) {
      assertThat(jsonTypes).as(where).contains("string");
      assertThat(property.path("format").asText()).as(where).isEqualTo("uuid");
    } else if (javaType == Instant.class) {
      assertThat(jsonTypes).as(where).contains("string");
      assertThat(property.path("format").asText()).as(where).isEqualTo("date-time");
    } else if (javaType == int.class || javaType == long.class) {
      assertThat(jsonTypes).as(where).containsExactly("integer");
    } else if (javaType == boolean.class) {
      assertThat(jsonTypes).as(where).containsExactly("boolean");
    } else if (javaType.isEnum()) {
      List<String> constants =
          Arrays.stream(javaType.getEnumConstants()).map(Object::toString).toList();
      List<String> schemaEnum =
          StreamSupport.stream(property.path("enum").spliterator(), false)
              .map(JsonNode::asText)
              .toList();
      assertThat(schemaEnum).as(where).containsExactlyInAnyOrderElementsOf(constants);
    } else if (javaType.isRecord()) {
      assertSameShape(javaType, property, where);
    } else {
      throw new AssertionError(where + ": no JSON Schema mapping for " + javaType);
    }
  }

  private static Set<String> typesOf(JsonNode property) {
    JsonNode type = property.path("type");
    Set<String> types = new HashSet<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (!type.isMissingNode()) {
      types.add(type.asText());
    }
    types.remove("null");
    return types;
  }

  private static List<String> requiredOf(JsonNode schema) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    return required;
  }

  private static JsonNode resolve(JsonNode property) {
    String ref = property.path("$ref").asText("");
    return ref.isEmpty() ? property : readSchema(ref.substring(SCHEMA_BASE.length()));
  }

  private static JsonSchema validator(EventType type) {
    String file = payloadRefOf(type).replace("schemas/", "");
    return SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + file), STRICT);
  }

  private static JsonNode schemaOf(EventType type) {
    return readSchema(payloadRefOf(type).replace("schemas/", ""));
  }

  private static String payloadRefOf(EventType type) {
    return DOC.path("components")
        .path("messages")
        .path(messageKeyOf(type))
        .path("payload")
        .path("$ref")
        .asText();
  }

  private static String messageKeyOf(EventType type) {
    var messages = DOC.path("components").path("messages").properties();
    return messages.stream()
        .filter(e -> e.getValue().path("name").asText().equals(type.ceType()))
        .map(java.util.Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message named " + type.ceType()));
  }

  private static JsonNode channelAt(String address) {
    for (JsonNode channel : DOC.path("channels")) {
      if (channel.path("address").asText().equals(address)) {
        return channel;
      }
    }
    return null;
  }

  private static List<JsonNode> operationsSending(String address, String messageKey) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode operation : DOC.path("operations")) {
      String channelRef = operation.path("channel").path("$ref").asText();
      JsonNode channel = DOC.at(channelRef.substring(1));
      boolean sends = operation.path("action").asText().equals("send");
      boolean carries =
          StreamSupport.stream(operation.path("messages").spliterator(), false)
              .anyMatch(m -> m.path("$ref").asText().endsWith("/messages/" + messageKey));
      if (sends && carries && channel.path("address").asText().equals(address)) {
        assertThat(operation.path("x-service").asText()).endsWith("-service");
        found.add(operation);
      }
    }
    return found;
  }

  private static JsonNode readSchema(String file) {
    return read("asyncapi/schemas/" + file, JSON);
  }

  private static JsonNode loadDocument() {
    return read("asyncapi/switchboard.asyncapi.yaml", new ObjectMapper(new YAMLFactory()));
  }

  private static JsonNode read(String resource, ObjectMapper mapper) {
    try (InputStream in =
        AsyncApiContractTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("missing resource " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new AssertionError("unreadable resource " + resource, e);
    }
  }
}
