package io.switchboard.ingest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Throughput and latency of {@code POST /inquiries} on a running ingest-service and its real
 * broker, beside the raw Kafka producer rate for the same payload on the same broker. Every form is
 * a new customer (own e-mail and phone) with its own Idempotency-Key, so the figures include
 * linking a new identity and claiming a new intake row: the full path of a new inquiry. Not a test:
 * run it against a started service (README, "Benchmarks").
 *
 * <p>System properties: {@code url} (http://127.0.0.1:8081), {@code bootstrap} (the service's
 * broker), {@code topic} (raw producer topic, default bench.raw), {@code clients} (32 keep-alive
 * connections, driven from one event loop by {@link FormLoad}), {@code seconds} (20), {@code
 * warmup} (5), {@code apiKey} (local-dev-web-form-key), {@code keys} (true: each form carries an
 * Idempotency-Key). Optional: {@code jdbc} (the service's database, e.g.
 * jdbc:postgresql://127.0.0.1:5432/switchboard, with {@code dbUser}, default postgres, and {@code
 * dbRole}, the role the service connects as, default ingest_service): database statements and
 * commits per accepted inquiry from pg_stat_statements and pg_stat_database, which must be loaded;
 * {@code pid}: the service's process, for its CPU time per inquiry.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  static final String FORM =
      """
      {"name": "Анна Петрова", "email": "anna.%d@example.com", "phone": "+7916%07d",
       "subject": "Не работает оплата", "text": "Списали деньги, а заказ не оформлен. Заказ %d, \
      попытка оплаты картой в %d. Прошу проверить и перезвонить."}
      """;

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("url", "http://127.0.0.1:8081");
    String bootstrap = System.getProperty("bootstrap", "127.0.0.1:9092");
    String topic = System.getProperty("topic", "bench.raw");
    int clients = Integer.getInteger("clients", 32);
    int seconds = Integer.getInteger("seconds", 20);
    int warmup = Integer.getInteger("warmup", 5);
    String apiKey = System.getProperty("apiKey", "local-dev-web-form-key");
    boolean keys = Boolean.parseBoolean(System.getProperty("keys", "true"));
    String jdbc = System.getProperty("jdbc");
    long pid = Long.getLong("pid", -1);

    String loadAtStart = loadAverage();
    System.out.printf("load average at start: %s%n", loadAtStart);
    LongFunction<FormLoad.FormRequest> forms =
        forms(apiKey, keys, "bench-" + System.currentTimeMillis() + "-");
    FormLoad.Result service;
    DatabaseCounters.Snapshot dbDelta;
    double cpu;
    String loadAfter;
    try (FormLoad load = new FormLoad(URI.create(url), clients)) {
      System.out.printf("warm-up %d s with %d clients ...%n", warmup, clients);
      load.run(clients, warmup, forms);
      DatabaseCounters database =
          jdbc == null
              ? null
              : new DatabaseCounters(
                  jdbc,
                  System.getProperty("dbUser", "postgres"),
                  System.getProperty("dbRole", "ingest_service"));
      DatabaseCounters.Snapshot db0 = database == null ? null : database.snapshot();
      double cpu0 = cpuSeconds(pid);
      System.out.printf(
          "measuring %d s with %d keep-alive connections%s ...%n",
          seconds, clients, keys ? ", one Idempotency-Key per form" : ", no Idempotency-Key");
      service = load.run(clients, seconds, forms);
      cpu = cpuSeconds(pid) - cpu0;
      dbDelta = database == null ? null : database.snapshot().minus(db0);
      loadAfter = loadAverage();
    }
    long[] latencies = service.latenciesNanos();
    Arrays.sort(latencies);
    double serviceRate = service.ok() / (double) seconds;
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Double> heap = heapBytes(http, url);

    String payload = FORM.formatted(1, 1, 1, 1);
    double rawRate = rawProducerRate(bootstrap, topic, payload, seconds);

    System.out.println();
    System.out.printf(
        "HTTP POST /inquiries : %,.0f inquiries/s (%d accepted, %d failed)%n",
        serviceRate, service.ok(), service.failed());
    System.out.printf(
        "latency              : p50 %.2f ms, p99 %.2f ms, p999 %.2f ms, max %.2f ms%n",
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        percentile(latencies, 0.999),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    if (dbDelta != null && service.ok() > 0) {
      System.out.printf(
          "database per inquiry : %.2f statements (%.2f of them transaction control), %.2f"
              + " commits in the whole database%n",
          dbDelta.statements() / (double) service.ok(),
          dbDelta.transactionControl() / (double) service.ok(),
          dbDelta.commits() / (double) service.ok());
    }
    if (pid > 0 && service.ok() > 0) {
      System.out.printf(
          "service CPU          : %.2f cores over the run, %.0f µs per inquiry%n",
          cpu / seconds, cpu * 1e6 / service.ok());
    }
    System.out.printf(
        "service heap         : %.0f MiB used of %.0f MiB max%n",
        heap.getOrDefault("used", 0.0) / 1048576, heap.getOrDefault("max", 0.0) / 1048576);
    System.out.printf(
        "raw Kafka producer   : %,.0f records/s (same %d-byte payload, acks=all)%n",
        rawRate, payload.length());
    System.out.printf("ratio service / raw  : %.3f%n", serviceRate / rawRate);
    System.out.printf(
        "load average         : %s at the start, %s after the measured run (%d cores)%n",
        loadAtStart, loadAfter, Runtime.getRuntime().availableProcessors());
    System.exit(0);
  }

  /** Every form a new customer, with its own Idempotency-Key when {@code keys}. */
  private static LongFunction<FormLoad.FormRequest> forms(
      String apiKey, boolean keys, String keyPrefix) {
    return i ->
        new FormLoad.FormRequest(
            apiKey, keys ? keyPrefix + i : null, FORM.formatted(i, i % 10_000_000, i, i));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  // utime + stime of the process, in seconds (clock ticks of 1/100 s on Linux).
  private static double cpuSeconds(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  // Heap as the service itself reports it (Micrometer's JVM gauges on the Prometheus endpoint).
  private static Map<String, Double> heapBytes(HttpClient http, String url) throws Exception {
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Function<String, Double> sum =
        name ->
            metrics
                .lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .filter(v -> v > 0)
                .sum();
    return Map.of(
        "used", sum.apply("jvm_memory_used_bytes"), "max", sum.apply("jvm_memory_max_bytes"));
  }

  // The service's producer settings, pipelined as far as the client allows.
  private static double rawProducerRate(String bootstrap, String topic, String payload, int seconds)
      throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, System.getProperty("linger", "5"));
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, System.getProperty("batchSize", "65536"));
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, "warm-up", payload)).get();
      AtomicLong acked = new AtomicLong();
      Semaphore inFlight = new Semaphore(10_000);
      long start = System.nanoTime();
      long deadline = start + seconds * 1_000_000_000L;
      long i = 0;
      while (System.nanoTime() < deadline) {
        inFlight.acquire();
        producer.send(
            new ProducerRecord<>(topic, Long.toString(i++), payload),
            (metadata, error) -> {
              if (error == null) {
                acked.incrementAndGet();
              }
              inFlight.release();
            });
      }
      producer.flush();
      double elapsed = (System.nanoTime() - start) / 1e9;
      return acked.get() / elapsed;
    }
  }
}
