package io.switchboard.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.contracts.Topics;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.delivery.Senders;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Not a test: drives 10,000 acknowledgements, half by e-mail to the local SMTP server and half by
 * SMS to a local HTTP endpoint, through the real broker and database, and prints sends per second
 * and the p99 from the inquiry's event to its delivery, with the service's own delivery settings
 * (timeout, backoff, maximum age), not the tests' short ones. Run it with {@code ./mvnw test -pl
 * notification-service -Dtest=AcknowledgementBenchmark -Dbenchmark.inquiries=10000}.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(
    value = ProvidersResource.class,
    initArgs =
        @ResourceArg(
            name = ProvidersResource.DELIVERY,
            value = ProvidersResource.PRODUCTION_DELIVERY))
class AcknowledgementBenchmark {
  private static final Duration LIMIT = Duration.ofMinutes(15);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Inject Senders senders;

  @Test
  void run() throws Exception {
    int count = Integer.getInteger("benchmark.inquiries", 10_000);
    String loadBefore = load();
    Map<String, InquiryReceived> inquiries = new HashMap<>();
    try (KafkaProducer<String, String> producer = producer();
        KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(topicPrefix + Topics.NOTIFICATIONS_EVENTS));
      Instant start = Instant.now();
      for (int i = 0; i < count; i++) {
        InquiryReceived inquiry = inquiry(i % 2 == 0);
        inquiries.put(inquiry.inquiryId(), inquiry);
        // sla-service's due time first, as in production, so that no acknowledgement waits for it.
        send(producer, clockStarted(inquiry));
        send(producer, inquiry);
      }
      producer.flush();
      Instant published = Instant.now();
      List<Duration> latencies = new ArrayList<>();
      Instant last = start;
      while (latencies.size() < count
          && Duration.between(start, Instant.now()).compareTo(LIMIT) < 0) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (!EventType.ACKNOWLEDGEMENT_SENT.ceType().equals(type(record))) {
            continue;
          }
          AcknowledgementSent sent =
              (AcknowledgementSent) EventCodec.decode(type(record), record.value());
          InquiryReceived inquiry = inquiries.get(sent.inquiryId());
          if (inquiry != null) {
            latencies.add(Duration.between(inquiry.occurredAt(), sent.occurredAt()));
            last = sent.occurredAt().isAfter(last) ? sent.occurredAt() : last;
          }
        }
      }
      // After the run, on a warm JVM and warm connections, like the pipeline's steady state.
      double providers = providerBaseline(Math.max(200, count / 5));
      report(count, latencies, start, published, last, providers, loadBefore);
    }
  }

  private static void report(
      int count,
      List<Duration> latencies,
      Instant start,
      Instant published,
      Instant last,
      double providers,
      String loadBefore) {
    List<Long> millis = latencies.stream().map(Duration::toMillis).sorted().toList();
    double seconds = Duration.between(start, last).toMillis() / 1000.0;
    double throughput = millis.size() / seconds;
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "%nBENCHMARK acknowledgements: %d of %d delivered (half SMTP, half HTTP SMS)%n"
            + "  published in %d ms%n"
            + "  throughput: %.0f sends/s over %.1f s%n"
            + "  event -> delivery: p50 %d ms, p99 %d ms, max %d ms%n"
            + "  baseline, the same providers sent to directly (same bound per medium): %.0f"
            + " sends/s; the pipeline reaches %.0f %% of it%n"
            + "  heap after GC (service and benchmark in one JVM): %d MiB of %d MiB%n"
            + "  load average before / after: %s / %s (%d cores)%n%n",
        millis.size(),
        count,
        Duration.between(start, published).toMillis(),
        throughput,
        seconds,
        percentile(millis, 0.50),
        percentile(millis, 0.99),
        millis.isEmpty() ? 0 : millis.getLast(),
        providers,
        100 * throughput / providers,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20,
        runtime.maxMemory() >> 20,
        loadBefore,
        load(),
        runtime.availableProcessors());
  }

  /**
   * Sends per second when the benchmark hands messages to the providers itself: the ceiling the
   * pipeline (consumers, ledger, worker, outbox) is measured against.
   */
  private double providerBaseline(int messages) {
    List<OutgoingMessage> email = new ArrayList<>();
    List<OutgoingMessage> sms = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      InquiryReceived inquiry = inquiry(i % 2 == 0);
      String address = inquiry.replyAddress().address();
      boolean byEmail = i % 2 == 0;
      (byEmail ? email : sms)
          .add(
              new OutgoingMessage(
                  "baseline-" + inquiry.inquiryId(),
                  NotificationKind.ACKNOWLEDGEMENT,
                  byEmail ? DeliveryMedium.EMAIL : DeliveryMedium.SMS,
                  address,
                  "[" + inquiry.ticket() + "] We received your inquiry",
                  "We received your inquiry " + inquiry.ticket() + ".",
                  null,
                  inquiry.ticket()));
    }
    long started = System.nanoTime();
    Uni.join()
        .all(sendAll(email), sendAll(sms))
        .andFailFast()
        .await()
        .atMost(Duration.ofMinutes(5));
    return messages / (Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
  }

  private Uni<Void> sendAll(List<OutgoingMessage> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUni(senders::send)
        .merge(8)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException unknown) {
      return "unknown";
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(p * sorted.size()) - 1);
  }

  private static InquiryReceived inquiry(boolean byEmail) {
    String id = UUID.randomUUID().toString();
    String address =
        byEmail
            ? "bench." + id.substring(0, 13) + "@example.com"
            : "+7" + String.format("%010d", Math.floorMod(id.hashCode(), 10_000_000_000L));
    Customer customer =
        byEmail
            ? new Customer(null, "Bench", address, null)
            : new Customer(null, "Bench", null, address);
    ReplyAddress reply = new ReplyAddress(byEmail ? Channel.EMAIL : Channel.PHONE, address, null);
    return TestInquiries.from(byEmail ? Channel.EMAIL : Channel.PHONE, customer, "en", reply);
  }

  private static ClockStarted clockStarted(InquiryReceived inquiry) {
    return new ClockStarted(
        EventIds.next(),
        inquiry.inquiryId(),
        Instant.now(),
        ClockStarted.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        inquiry.channel(),
        inquiry.occurredAt(),
        inquiry.occurredAt().plus(Duration.ofHours(1)),
        3600,
        false,
        "Europe/Moscow",
        false);
  }

  private void send(KafkaProducer<String, String> producer, InquiryEvent event) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            topicPrefix + EventType.of(event).topic(), event.inquiryId(), EventCodec.encode(event));
    CloudEvents.headers(event, "/benchmark")
        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    producer.send(record);
  }

  private static String type(ConsumerRecord<String, String> record) {
    var header = record.headers().lastHeader(CloudEvents.TYPE);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
    // From the start: the benchmark's own inquiry ids pick its acknowledgements out.
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
