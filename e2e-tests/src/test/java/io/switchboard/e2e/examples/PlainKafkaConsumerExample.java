package io.switchboard.e2e.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How an integrator reads a Switchboard topic with nothing but the Kafka client and Jackson (no
 * Switchboard jar): the event type is the {@code ce_type} header, the value is the JSON payload,
 * the key is the inquiry id. Delivery is at least once, so a real consumer remembers {@code ce_id}.
 *
 * <p>Run it against the local system: {@code java … PlainKafkaConsumerExample 127.0.0.1:9092
 * inquiries.lifecycle my-integration}.
 */
public final class PlainKafkaConsumerExample implements AutoCloseable {

  /** One event as read: what the headers and the key say, and the payload as a JSON tree. */
  public record ReceivedEvent(
      String inquiryId, String type, String eventId, int schemaVersion, JsonNode payload) {}

  private final KafkaConsumer<String, String> consumer;
  private final ObjectMapper json = new ObjectMapper();

  public PlainKafkaConsumerExample(String bootstrapServers, String topic, String groupId) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
  }

  /** Polls once, hands every readable event to {@code handler}, then commits the offsets. */
  public int pollOnce(Consumer<ReceivedEvent> handler) {
    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
    for (ConsumerRecord<String, String> record : records) {
      String type = header(record, "ce_type");
      try {
        JsonNode payload = json.readTree(record.value());
        handler.accept(
            new ReceivedEvent(
                record.key(),
                type,
                header(record, "ce_id"),
                payload.path("schemaVersion").asInt(),
                payload));
      } catch (JsonProcessingException e) {
        // Park what cannot be read instead of stopping the whole partition behind it.
        System.err.printf("skipping unreadable %s at offset %d%n", type, record.offset());
      }
    }
    consumer.commitSync();
    return records.count();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }

  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    String topic = args.length > 1 ? args[1] : "inquiries.lifecycle";
    String group = args.length > 2 ? args[2] : "example-integration";
    try (var example = new PlainKafkaConsumerExample(bootstrap, topic, group)) {
      while (true) {
        example.pollOnce(
            event ->
                System.out.printf(
                    "%s v%d inquiry %s: %s%n",
                    event.type(), event.schemaVersion(), event.inquiryId(), event.payload()));
      }
    }
  }
}
