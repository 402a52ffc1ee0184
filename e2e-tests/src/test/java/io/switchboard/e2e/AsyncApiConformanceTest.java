package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.devstack.SwitchboardService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Holds each service's Kafka wiring to the AsyncAPI document: every topic a service reads ({@code
 * switchboard.consumers.<name>.topic}), writes (its outbox, an outgoing channel) or dead-letters to
 * ({@code switchboard.consumers.<name>.dead-letter-topic}) is an operation of that service in the
 * document, and the document claims no operation the service does not have.
 */
class AsyncApiConformanceTest {
  private static final Pattern OUTGOING_TOPIC =
      Pattern.compile("mp\\.messaging\\.outgoing\\.[\\w-]+\\.topic");
  private static final Pattern CONSUMER_TOPIC =
      Pattern.compile("switchboard\\.consumers\\.[\\w-]+\\.(topic|dead-letter-topic)");
  private static final String PREFIX = "${switchboard.topic-prefix:}";
  private static final JsonNode DOC = document();

  @ParameterizedTest
  @EnumSource(SwitchboardService.class)
  void serviceConfigurationAndDocumentAgree(SwitchboardService service) throws IOException {
    Properties config = applicationProperties(service);
    Set<String> configuredReceive = new TreeSet<>();
    Set<String> configuredSend = new TreeSet<>();
    for (String key : config.stringPropertyNames()) {
      String topic = config.getProperty(key).replace(PREFIX, "");
      Matcher consumer = CONSUMER_TOPIC.matcher(key);
      if (consumer.matches()) {
        (consumer.group(1).equals("topic") ? configuredReceive : configuredSend).add(topic);
      } else if (OUTGOING_TOPIC.matcher(key).matches()) {
        configuredSend.add(topic);
      }
    }
    configuredSend.addAll(outboxTopics(service));

    assertThat(documented(service, "receive"))
        .as("topics %s reads", service)
        .isEqualTo(configuredReceive);
    assertThat(documented(service, "send"))
        .as("topics %s writes", service)
        .isEqualTo(configuredSend);
  }

  /** Topics the outbox relay publishes to: those of the event types the service produces. */
  private static Set<String> outboxTopics(SwitchboardService service) {
    return switch (service) {
      case INGEST -> Set.of();
      case ROUTING -> Set.of("inquiries.lifecycle");
      case SLA -> Set.of("sla.events");
      case NOTIFICATION -> Set.of("notifications.events");
    };
  }

  private static Set<String> documented(SwitchboardService service, String action) {
    Set<String> topics = new TreeSet<>();
    for (JsonNode operation : DOC.path("operations")) {
      if (operation.path("x-service").asText().equals(service.moduleName())
          && operation.path("action").asText().equals(action)) {
        String ref = operation.path("channel").path("$ref").asText();
        topics.add(DOC.at(ref.substring(1)).path("address").asText());
      }
    }
    return topics;
  }

  private static Properties applicationProperties(SwitchboardService service) throws IOException {
    Path file =
        Path.of(System.getProperty("sbtest.root", ".."))
            .resolve(service.moduleName())
            .resolve("src/main/resources/application.properties");
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    return properties;
  }

  private static JsonNode document() {
    try (InputStream in =
        AsyncApiConformanceTest.class
            .getClassLoader()
            .getResourceAsStream("asyncapi/switchboard.asyncapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
