package io.switchboard.devstack.bench;

import io.switchboard.devstack.Deadline;
import io.switchboard.devstack.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the broker and the database can do on this machine with nothing of Switchboard in between,
 * measured in the same run as the pipeline so that the ratios compare like with like.
 */
final class Baselines {
  private static final Pattern PRODUCER =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms"
              + " 99th, (\\d+) ms 99.9th");
  private static final Pattern TPS =
      Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

  private Baselines() {}

  /** Kafka's ProducerPerformance: closed loop, as fast as the broker acknowledges. */
  record Producer(
      String settings,
      long records,
      double recordsPerSecond,
      double avgMs,
      double p50Ms,
      double p99Ms,
      double p999Ms,
      double maxMs) {}

  /** pgbench with a single-row insert per transaction. */
  record Insert(String settings, double tps, Percentiles latencyMs) {}

  static final String PRODUCER_TOPIC = "bench.producer-performance";

  /**
   * Runs ProducerPerformance in a JVM of its own (the driver's classpath holds kafka-tools), on a
   * fresh topic with the partitions the broker gives every topic (3), deleted afterwards.
   */
  static Producer producer(String bootstrapServers, long records, Path workDir) {
    Map<String, Object> adminConfig =
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Kafka 4's producer defaults plus acks=all and idempotence, as ingest-service publishes.
    List<String> props =
        List.of("bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true");
    try (Admin admin = Admin.create(adminConfig)) {
      deleteQuietly(admin, PRODUCER_TOPIC);
      createTopic(admin, PRODUCER_TOPIC, 3);
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.apache.kafka.tools.ProducerPerformance",
                  "--topic",
                  PRODUCER_TOPIC,
                  "--num-records",
                  Long.toString(records),
                  "--record-size",
                  "1024",
                  "--throughput",
                  "-1",
                  "--producer-props"));
      args.addAll(props);
      Path log = workDir.resolve("producer-performance.txt");
      Files.deleteIfExists(log);
      try (JavaProcess tool =
          JavaProcess.start("producer-performance", List.of("-Xmx512m"), args, log)) {
        Deadline.await("ProducerPerformance", Duration.ofMinutes(10), () -> !tool.isAlive());
      }
      String output = Files.readString(log);
      MatchResult last = null;
      Matcher m = PRODUCER.matcher(output);
      while (m.find()) {
        last = m.toMatchResult();
      }
      if (last == null) {
        throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
      }
      return new Producer(
          "1 KiB records, 3 partitions, acks=all, idempotent, other producer settings default",
          Long.parseLong(last.group(1)),
          Double.parseDouble(last.group(2)),
          Double.parseDouble(last.group(4)),
          Double.parseDouble(last.group(6)),
          Double.parseDouble(last.group(8)),
          Double.parseDouble(last.group(9)),
          Double.parseDouble(last.group(5)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try (Admin admin = Admin.create(adminConfig)) {
        deleteQuietly(admin, PRODUCER_TOPIC);
      }
    }
  }

  /**
   * pgbench inserting one row per transaction into a table of its own (dropped afterwards), over
   * the extended protocol with prepared statements as the services use it; every transaction is
   * logged, so that the percentiles are exact.
   */
  static Insert insert(
      DbStats db, int postgresPort, String database, int clients, int seconds, Path workDir) {
    db.execute(
        "drop schema if exists bench_baseline cascade",
        "create schema bench_baseline",
        "create table bench_baseline.single_row (id bigserial primary key, inquiry_id uuid not"
            + " null, payload text not null, created_at timestamptz not null default now())");
    try {
      Path script = workDir.resolve("pgbench-insert.sql");
      Files.writeString(
          script,
          "insert into bench_baseline.single_row (inquiry_id, payload)"
              + " values (gen_random_uuid(), repeat('x', 512));\n");
      Path logDir = workDir.resolve("pgbench");
      Files.createDirectories(logDir);
      try (Stream<Path> old = Files.list(logDir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      Path output = workDir.resolve("pgbench.txt");
      Process process =
          new ProcessBuilder(
                  "pgbench",
                  "-n",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(postgresPort),
                  "-U",
                  "postgres",
                  "-c",
                  Integer.toString(clients),
                  "-j",
                  Integer.toString(Math.min(clients, 2)),
                  "-T",
                  Integer.toString(seconds),
                  "-M",
                  "prepared",
                  "-f",
                  script.toString(),
                  "-l",
                  "--log-prefix",
                  logDir.resolve("pgbench").toString(),
                  database)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("pgbench did not finish");
      }
      String text = Files.readString(output);
      Matcher tps = TPS.matcher(text);
      if (process.exitValue() != 0 || !tps.find()) {
        throw new IllegalStateException("pgbench failed:\n" + text);
      }
      List<Long> latencies = new ArrayList<>();
      try (Stream<Path> logs = Files.list(logDir)) {
        for (Path log : logs.toList()) {
          // client_id transaction_no time(us) script_no time_epoch time_us
          for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            if (f.length >= 3) {
              latencies.add(Long.parseLong(f[2]));
            }
          }
        }
      }
      long[] micros = latencies.stream().mapToLong(Long::longValue).toArray();
      Percentiles us = Percentiles.of(micros);
      return new Insert(
          clients + " clients, " + seconds + " s, prepared, one insert per transaction",
          Double.parseDouble(tps.group(1)),
          new Percentiles(
              us.count(), us.p50() / 1000, us.p99() / 1000, us.p999() / 1000, us.max() / 1000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      db.execute("drop schema if exists bench_baseline cascade");
    }
  }

  static void createTopic(Admin admin, String topic, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + topic, e);
    }
  }

  static void deleteQuietly(Admin admin, String... topics) {
    try {
      admin.deleteTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
    } catch (Exception absent) {
      // nothing to delete
    }
  }
}
