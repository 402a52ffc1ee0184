package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.devstack.Ports;
import io.switchboard.devstack.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The Debian {@code prometheus} binary as a child process: scrapes the running services every
 * second and evaluates the repository's alert rules every second; answers PromQL over its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final String baseUrl;
  private final Path log;

  private PrometheusServer(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /** Fails with the install command when the package is missing. */
  static void requireInstalled() {
    for (Path binary : List.of(BINARY, PROMTOOL)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(
            binary
                + " is missing: install Prometheus with `sudo apt-get install prometheus`"
                + " (./test.sh does this itself)");
      }
    }
  }

  /**
   * @param rules the alert rule file to load
   * @param workDir config, TSDB and log go here (under target/)
   */
  static PrometheusServer start(List<ServiceProcess> services, Path rules, Path workDir) {
    requireInstalled();
    int port = Ports.free();
    try {
      Files.createDirectories(workDir);
      Path config = workDir.resolve("prometheus.yml");
      Files.writeString(config, config(services, rules));
      Path log = workDir.resolve("prometheus.log");
      Process process =
          new ProcessBuilder(
                  BINARY.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + workDir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
      server.awaitReady();
      server.awaitFirstScrape(services.size());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + BINARY, e);
    }
  }

  /** Like ops/prometheus/prometheus.yml (job and service labels), with second-long intervals. */
  private static String config(List<ServiceProcess> services, Path rules) {
    StringBuilder yaml =
        new StringBuilder(
            """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            rule_files:
              - '%s'
            scrape_configs:
              - job_name: switchboard
                metrics_path: /q/metrics
                static_configs:
            """
                .formatted(rules.toAbsolutePath()));
    for (ServiceProcess service : services) {
      yaml.append(
          """
                - targets: ['%s']
                  labels: { service: %s }
          """
              .formatted(
                  URI.create(service.baseUrl()).getAuthority(), service.service().moduleName()));
    }
    return yaml.toString();
  }

  private void awaitReady() {
    Awaitility.await("Prometheus ready (log: " + log + ")")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "prometheus exited: " + Files.readString(log, StandardCharsets.UTF_8));
              }
              return status(get("/-/ready")) == 200;
            });
  }

  /** Counters must have a first sample before traffic, or rates would miss its first events. */
  private void awaitFirstScrape(int targets) {
    Awaitility.await("Prometheus scraped all " + targets + " services once")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              QueryResult up = query("up{job=\"switchboard\"} == 1");
              return !up.failed() && up.series().size() == targets;
            });
  }

  /** An instant query; the answer's {@code data.result}, or the error Prometheus gave. */
  QueryResult query(String promql) {
    HttpResponse<String> response =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode body = parse(response);
    if (!"success".equals(body.path("status").asText())) {
      return new QueryResult(
          List.of(), body.path("errorType").asText() + ": " + body.path("error").asText());
    }
    return new QueryResult(List.copyOf(toList(body.path("data").path("result"))), null);
  }

  /** {@code /api/v1/rules}: the groups with their rules' health and alert states. */
  JsonNode rules() {
    return parse(get("/api/v1/rules")).path("data").path("groups");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** One query's series (each with {@code metric} labels and {@code value}), or its error. */
  record QueryResult(List<JsonNode> series, String error) {
    boolean failed() {
      return error != null;
    }

    /** The largest sample value, NaN when every series is NaN (an empty ratio). */
    String max() {
      return series.stream()
          .mapToDouble(s -> number(s.path("value").get(1).asText()))
          .filter(v -> !Double.isNaN(v))
          .max()
          .stream()
          .mapToObj(v -> String.format(Locale.ROOT, "%.3g", v))
          .findFirst()
          .orElse("NaN");
    }
  }

  /** A sample value as Prometheus writes it ({@code NaN}, {@code +Inf} included). */
  static double number(String prometheusValue) {
    return switch (prometheusValue) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(prometheusValue);
    };
  }

  private HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int status(HttpResponse<String> response) {
    return response == null ? -1 : response.statusCode();
  }

  private JsonNode parse(HttpResponse<String> response) {
    if (response == null) {
      throw new IllegalStateException(
          "Prometheus at " + baseUrl + " does not answer (" + log + ")");
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Prometheus answered " + response.body(), e);
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new java.util.ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
