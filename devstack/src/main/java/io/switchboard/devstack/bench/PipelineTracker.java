package io.switchboard.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one step's inquiries through the pipeline from outside, as an integrator would: the
 * {@code inquiry received} records on {@code inquiries.inbound} (those whose source message id
 * carries the step's key prefix), the first {@code inquiry assigned} or {@code inquiry queued} of
 * each on {@code inquiries.lifecycle}, and the acknowledgement the mail server received for its
 * ticket. Reads from the offsets the topics had when the step began, with its own consumer that
 * joins no group; polls the mail server's {@code /messages.json}.
 */
final class PipelineTracker implements AutoCloseable {
  static final String RECEIVED = "switchboard.inquiry.received";
  static final String ASSIGNED = "switchboard.inquiry.assigned";
  static final String QUEUED = "switchboard.inquiry.queued";
  private static final Pattern TICKET = Pattern.compile("\\[([A-Z]+-[A-Z0-9]+)]");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One inquiry of the step; times are epoch milliseconds, -1 while unknown. */
  static final class Inquiry {
    final String ticket;
    final long received;

    Inquiry(String ticket, long received) {
      this.ticket = ticket;
      this.received = received;
    }
  }

  private final String inboundTopic;
  private final String lifecycleTopic;
  private final String sourcePrefix;
  private final String recipientMarker;
  private final String mailUrl;
  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Inquiry> inquiries = new ConcurrentHashMap<>();
  private final Map<String, Long> routed = new ConcurrentHashMap<>();
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean running = true;
  private volatile String failure;
  private int nextMail;

  /**
   * @param keyPrefix the step's Idempotency-Key prefix; the web form's source message id is {@code
   *     WEB_FORM:<key>} and the customer's address holds the key
   * @param mailBaseUrl the mail viewer, e.g. {@code http://127.0.0.1:8025}; null: no mail
   */
  PipelineTracker(
      String bootstrapServers,
      String topicPrefix,
      String keyPrefix,
      String mailBaseUrl,
      Map<TopicPartition, Long> startOffsets) {
    this.inboundTopic = topicPrefix + "inquiries.inbound";
    this.lifecycleTopic = topicPrefix + "inquiries.lifecycle";
    // "-t" follows the prefix in every key (webform.lua: <prefix>-t<thread>-<n>), so that step
    // r20's keys never match step r200's.
    this.sourcePrefix = "WEB_FORM:" + keyPrefix + "-t";
    this.recipientMarker = (keyPrefix + "-t").toLowerCase(java.util.Locale.ROOT);
    this.mailUrl = mailBaseUrl;
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-tracker");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (var entry : startOffsets.entrySet()) {
      String topic = entry.getKey().topic();
      if (topic.equals(inboundTopic) || topic.equals(lifecycleTopic)) {
        partitions.add(entry.getKey());
      }
    }
    consumer.assign(partitions);
    for (TopicPartition partition : partitions) {
      consumer.seek(partition, startOffsets.get(partition));
      positions.put(partition, startOffsets.get(partition));
    }
    if (mailUrl != null) {
      nextMail = mailNext();
    }
    reader = Thread.ofPlatform().name("bench-tracker").daemon().start(this::readAll);
  }

  private void readAll() {
    long lastMailPoll = 0;
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          take(record);
        }
        for (TopicPartition partition : consumer.assignment()) {
          positions.put(partition, consumer.position(partition));
        }
        if (mailUrl != null && System.currentTimeMillis() - lastMailPoll >= 500) {
          pollMail();
          lastMailPoll = System.currentTimeMillis();
        }
      }
    } catch (WakeupException closing) {
      // close() asked
    } catch (RuntimeException e) {
      failure = e.toString();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void take(ConsumerRecord<String, String> record) {
    Header type = record.headers().lastHeader("ce_type");
    if (type == null || record.value() == null) {
      return;
    }
    String ceType = new String(type.value(), StandardCharsets.UTF_8);
    if (record.topic().equals(inboundTopic)) {
      // Cheap test first: other steps' and other clients' inquiries are skipped unparsed.
      if (ceType.equals(RECEIVED) && record.value().contains(sourcePrefix)) {
        try {
          JsonNode event = JSON.readTree(record.value());
          if (event.path("sourceMessageId").asText("").startsWith(sourcePrefix)) {
            inquiries.putIfAbsent(
                event.path("inquiryId").asText(),
                new Inquiry(event.path("ticket").asText(), record.timestamp()));
          }
        } catch (IOException e) {
          // not an event of ours
        }
      }
    } else if ((ceType.equals(ASSIGNED) || ceType.equals(QUEUED)) && record.key() != null) {
      routed.merge(record.key(), record.timestamp(), Math::min);
    }
  }

  private void pollMail() {
    try {
      JsonNode listing = mailListing(nextMail);
      for (JsonNode message : listing.path("messages")) {
        boolean ours = false;
        for (JsonNode recipient : message.path("recipients")) {
          ours |= recipient.asText().toLowerCase(java.util.Locale.ROOT).contains(recipientMarker);
        }
        Matcher ticket = TICKET.matcher(message.path("subject").asText(""));
        if (ours && ticket.find()) {
          acknowledged.merge(ticket.group(1), message.path("receivedAt").asLong(), Math::min);
        }
      }
      nextMail = Math.max(nextMail, listing.path("next").asInt(nextMail));
    } catch (IOException e) {
      // the next poll retries
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private int mailNext() {
    try {
      return mailListing(Integer.MAX_VALUE).path("next").asInt(0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the mail server's " + mailUrl + "/messages.json does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode mailListing(int since) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(mailUrl + "/messages.json?since=" + since))
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** Whether this tracker has read each partition up to the given offsets. */
  boolean caughtUpTo(Map<TopicPartition, Long> offsets) {
    for (var entry : offsets.entrySet()) {
      if (positions.containsKey(entry.getKey())
          && positions.get(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Inquiries seen on the inbound topic that are not yet routed or not yet acknowledged. */
  long pending(boolean needAcknowledgement) {
    long pending = 0;
    for (var entry : inquiries.entrySet()) {
      boolean done =
          routed.containsKey(entry.getKey())
              && (!needAcknowledgement || acknowledged.containsKey(entry.getValue().ticket));
      pending += done ? 0 : 1;
    }
    return pending;
  }

  String failure() {
    return failure;
  }

  /** The step's figures as they stand. */
  Outcome outcome() {
    List<Long> toRouted = new ArrayList<>();
    List<Long> toAcknowledged = new ArrayList<>();
    long firstReceived = Long.MAX_VALUE;
    long lastReceived = Long.MIN_VALUE;
    long lastRouted = Long.MIN_VALUE;
    long lastAcknowledged = Long.MIN_VALUE;
    for (var entry : inquiries.entrySet()) {
      Inquiry inquiry = entry.getValue();
      firstReceived = Math.min(firstReceived, inquiry.received);
      lastReceived = Math.max(lastReceived, inquiry.received);
      Long routedAt = routed.get(entry.getKey());
      if (routedAt != null) {
        toRouted.add(routedAt - inquiry.received);
        lastRouted = Math.max(lastRouted, routedAt);
      }
      Long acknowledgedAt = acknowledged.get(inquiry.ticket);
      if (acknowledgedAt != null) {
        toAcknowledged.add(acknowledgedAt - inquiry.received);
        lastAcknowledged = Math.max(lastAcknowledged, acknowledgedAt);
      }
    }
    return new Outcome(
        inquiries.size(),
        Percentiles.of(toRouted.stream().mapToLong(Long::longValue).toArray()),
        Percentiles.of(toAcknowledged.stream().mapToLong(Long::longValue).toArray()),
        firstReceived,
        lastReceived,
        lastRouted,
        lastAcknowledged);
  }

  /**
   * @param received inquiries seen on the inbound topic
   * @param firstReceived epoch ms of the first one's record; the others likewise
   */
  record Outcome(
      int received,
      Percentiles toRouted,
      Percentiles toAcknowledged,
      long firstReceived,
      long lastReceived,
      long lastRouted,
      long lastAcknowledged) {

    int routed() {
      return toRouted.count();
    }

    int acknowledged() {
      return toAcknowledged.count();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
