package io.switchboard.routing.bench;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.routing.bench.CountedDatabaseResource.RoundTrips;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.RoundTripProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: 500 operators in 20 teams (team rules spread the inquiries), a warm-up of
 * {@value #WARM_UP} inquiries that all find a free operator, then {@code
 * routing.benchmark.inquiries} (default 50,000) of which part queue. Prints per phase: inquiries
 * routed per second, p50/p99 from received to assigned, database round trips per inquiry and per
 * assignment measured on the wire by {@link RoundTripProxy}, heap, and the main phase against the
 * warm-up. Run with {@code ./mvnw verify -pl routing-service -Dtest=RoutingBenchmark
 * -Drouting.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(RoutingBenchmark.FiveHundredOperators.class)
@WithTestResource(CountedDatabaseResource.class)
@EnabledIfSystemProperty(named = "routing.benchmark", matches = "true")
class RoutingBenchmark {
  private static final int TEAMS = 20;
  private static final int OPERATORS_PER_TEAM = 25;
  private static final int CAPACITY_PER_CHANNEL = 20;
  private static final int WARM_UP = 5_000;
  private static final int INQUIRIES = Integer.getInteger("routing.benchmark.inquiries", 50_000);
  private static final Channel[] CHANNELS = {Channel.CHAT, Channel.EMAIL, Channel.WEB_FORM};

  public static class FiveHundredOperators implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.directory-file",
          directoryFile().toString(),
          "switchboard.routing.team-rules-file",
          teamRulesFile().toString(),
          "switchboard.routing.default-team",
          "bench-00",
          "quarkus.log.category.\"io.switchboard\".level",
          "WARN");
    }
  }

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @RoundTrips RoundTripProxy database;

  private record Phase(
      String name,
      int inquiries,
      double publishSeconds,
      double seconds,
      long assigned,
      long queued,
      long roundTrips,
      double p50,
      double p99) {
    double perSecond() {
      return inquiries / seconds;
    }

    void print() {
      System.out.printf(
          "BENCHMARK %s: %d inquiries published in %.1f s, routed in %.1f s = %.0f inquiries/s;"
              + " %d assigned, %d queued; received->assigned p50 %.0f ms, p99 %.0f ms;"
              + " %d database round trips = %.1f per inquiry, %.1f per assignment%n",
          name,
          inquiries,
          publishSeconds,
          seconds,
          perSecond(),
          assigned,
          queued,
          p50,
          p99,
          roundTrips,
          (double) roundTrips / inquiries,
          assigned == 0 ? Double.NaN : (double) roundTrips / assigned);
    }
  }

  @Test
  void routeInquiriesAcrossTwentyTeams() throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      Phase warmUp = run(producer, "warm-up (all assigned)", WARM_UP, 0);
      warmUp.print();
      Phase main = run(producer, "main (queued mix)", INQUIRIES, WARM_UP);
      main.print();
      System.out.printf(
          "BENCHMARK main/warm-up: throughput x%.2f, round trips per inquiry x%.2f, p50 x%.1f%n",
          main.perSecond() / warmUp.perSecond(),
          ((double) main.roundTrips() / main.inquiries())
              / ((double) warmUp.roundTrips() / warmUp.inquiries()),
          main.p50() / warmUp.p50());
    }
    printMemory();
  }

  private Phase run(KafkaProducer<String, String> producer, String name, int count, long before)
      throws Exception {
    Instant since = Instant.now();
    long trips = database.roundTrips();
    long start = System.nanoTime();
    publish(producer, count);
    long published = System.nanoTime();
    long expected = before + count;
    await()
        .atMost(Duration.ofMinutes(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> count("select count(*) from routing.inquiry where status <> 'NEW'") >= expected);
    long done = System.nanoTime();
    long used = database.roundTrips() - trips;
    String mine = " from routing.inquiry where received_at >= '" + since + "'";
    return new Phase(
        name,
        count,
        (published - start) / 1e9,
        (done - start) / 1e9,
        count("select count(*)" + mine + " and assigned_at is not null"),
        count("select count(*)" + mine + " and status = 'QUEUED'"),
        used,
        millis("percentile_cont(0.5)", since),
        millis("percentile_cont(0.99)", since));
  }

  /** Batched, pipelined sends: nothing waits on one record; a failure fails the benchmark. */
  private void publish(KafkaProducer<String, String> producer, int count) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    String topic = null;
    for (int i = 0; i < count; i++) {
      int team = i % TEAMS;
      InquiryReceived event =
          EventFixtures.inquiryReceived()
              .channel(CHANNELS[(i / TEAMS) % CHANNELS.length])
              .text("Вопрос", "Вопрос для desk-%02d, заказ %d".formatted(team, i), "ru")
              .build();
      topic = topic == null ? topicPrefix + EventType.of(event).topic() : topic;
      ProducerRecord<String, String> record =
          new ProducerRecord<>(topic, event.inquiryId(), EventCodec.encode(event));
      CloudEvents.headers(event, "/bench")
          .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(
          record,
          (metadata, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("publishing failed", failure.get());
    }
  }

  private KafkaProducer<String, String> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(config);
  }

  /** The benchmark and the service share this JVM: the figures are for both together. */
  private static void printMemory() {
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "BENCHMARK memory (service and benchmark in one JVM): heap used %d MiB, sum of heap pool"
            + " peaks %d MiB, max heap %d MiB%n",
        (runtime.totalMemory() - runtime.freeMemory()) >> 20,
        peak >> 20,
        runtime.maxMemory() >> 20);
  }

  private double millis(String percentile, Instant since) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select "
                        + percentile
                        + " within group (order by extract(epoch from assigned_at - received_at))"
                        + " from routing.inquiry where assigned_at is not null and received_at >= '"
                        + since
                        + "'")) {
      rows.next();
      return rows.getDouble(1) * 1000;
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Twenty teams of 25 operators; each holds 20 inquiries per channel, so part of them queue. */
  static Path directoryFile() {
    StringBuilder yaml = new StringBuilder("teams:\n");
    for (int t = 0; t < TEAMS; t++) {
      yaml.append(
          "  - {id: bench-%02d, name: Bench %d, routingMode: LEAST_LOADED}\n".formatted(t, t));
    }
    yaml.append("operators:\n");
    for (int t = 0; t < TEAMS; t++) {
      for (int o = 0; o < OPERATORS_PER_TEAM; o++) {
        yaml.append(
            "  - {id: b%02d-%02d, team: bench-%02d, name: B, email: b@x.local, alwaysPresent: true,"
                    .formatted(t, o, t)
                + " capacity: {default: %d}, schedule: {alwaysOn: true}}\n"
                    .formatted(CAPACITY_PER_CHANNEL));
      }
    }
    return temp("bench-directory", yaml);
  }

  /** One rule per team: "desk-07" in the text sends to bench-07. */
  static Path teamRulesFile() {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int t = 0; t < TEAMS; t++) {
      yaml.append(
          "  - {name: desk-%02d, team: bench-%02d, keywords: [\"desk-%02d\"]}\n"
              .formatted(t, t, t));
    }
    return temp("bench-team-rules", yaml);
  }

  private static Path temp(String prefix, CharSequence content) {
    try {
      Path file = Files.createTempFile(prefix, ".yaml");
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
