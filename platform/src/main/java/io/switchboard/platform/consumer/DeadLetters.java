package io.switchboard.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.kafka.RecordPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a record that can never be processed to its consumer's dead-letter topic: key, value and
 * headers as read, plus the {@code dead-letter-*} headers the README documents (the same names
 * SmallRye uses, so existing tooling reads them). Re-driving strips them again.
 */
@ApplicationScoped
public class DeadLetters {
  public static final String HEADER_PREFIX = "dead-letter-";
  public static final String REASON = "dead-letter-reason";
  public static final String EXCEPTION = "dead-letter-exception-class-name";
  public static final String CAUSE = "dead-letter-cause";
  public static final String CAUSE_CLASS = "dead-letter-cause-class-name";
  public static final String TOPIC = "dead-letter-topic";
  public static final String PARTITION = "dead-letter-partition";
  public static final String OFFSET = "dead-letter-offset";

  private final RecordPublisher publisher;

  public DeadLetters(RecordPublisher publisher) {
    this.publisher = publisher;
  }

  /** Completes once the broker acknowledged the dead letter. */
  public Uni<Void> send(
      String deadLetterTopic, ConsumerRecord<String, String> record, Throwable failure) {
    return publisher.send(deadLetter(deadLetterTopic, record, failure)).replaceWithVoid();
  }

  public static ProducerRecord<String, String> deadLetter(
      String deadLetterTopic, ConsumerRecord<String, String> record, Throwable failure) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(HEADER_PREFIX)) {
        headers.add(header);
      }
    }
    add(headers, REASON, String.valueOf(failure.getMessage()));
    add(headers, EXCEPTION, failure.getClass().getName());
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure) {
      add(headers, CAUSE, String.valueOf(cause.getMessage()));
      add(headers, CAUSE_CLASS, cause.getClass().getName());
    }
    add(headers, TOPIC, record.topic());
    add(headers, PARTITION, Integer.toString(record.partition()));
    add(headers, OFFSET, Long.toString(record.offset()));
    return new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers);
  }

  private static void add(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
