package io.switchboard.e2e.fault;

import io.switchboard.devstack.ServiceProcess;
import io.switchboard.devstack.SwitchboardService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One instance of a packaged service that the suite kills and restarts on the same port with the
 * same properties, and that can be armed while running to halt itself at one of platform's fault
 * points (through the file its JVM watches).
 */
final class ServiceInstance implements AutoCloseable {
  static final String HALT_FILE = "switchboard.fault.halt-file";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private final SwitchboardService service;
  private final String name;
  private final Path root;
  private final Path logs;
  private final Map<String, String> properties;
  private final Path haltFile;
  private volatile ServiceProcess process;
  private volatile long logOffsetAtStart;
  private volatile boolean retired;

  ServiceInstance(
      SwitchboardService service,
      String name,
      Path root,
      Path logs,
      Map<String, String> properties) {
    this.service = service;
    this.name = name;
    this.root = root;
    this.logs = logs;
    this.haltFile = logs.resolve(name.replace('#', '-') + ".halt");
    Map<String, String> all = new HashMap<>(properties);
    all.put(HALT_FILE, haltFile.toString());
    this.properties = Map.copyOf(all);
  }

  SwitchboardService service() {
    return service;
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + properties.get("quarkus.http.port");
  }

  /** A killed instance the suite does not bring back (the two-instance fault): not checked. */
  boolean retired() {
    return retired;
  }

  void retire() {
    retired = true;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path log() {
    return process.log();
  }

  /** Starts the service, disarmed. */
  ServiceInstance start() {
    disarm();
    logOffsetAtStart = logSize();
    process = ServiceProcess.start(service, root, properties, logs);
    return this;
  }

  /**
   * Arms the running JVM to halt at a platform fault point, e.g. {@code X@3}: the third time from
   * when its watch (every 50 ms) reads the file.
   */
  void arm(String spec) {
    try {
      Files.writeString(haltFile, spec);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot arm " + name, e);
    }
  }

  void disarm() {
    try {
      Files.deleteIfExists(haltFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot disarm " + name, e);
    }
  }

  void awaitReady(Duration timeout) {
    process.awaitReady(timeout);
  }

  /** SIGKILL to the service's own JVM, checked to be that JVM and checked to be gone. */
  void kill() {
    long pid = process.pid();
    String cmdline = cmdline(pid);
    if (!cmdline.contains(service.jar(root).toString())) {
      throw new IllegalStateException(
          "pid " + pid + " is not " + name + "'s JVM, refusing to kill it: " + cmdline);
    }
    process.kill();
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      throw new IllegalStateException(name + " (pid " + pid + ") survived SIGKILL");
    }
  }

  /**
   * Waits for the process to end by itself.
   *
   * @return its exit code, or empty when it still ran at the deadline
   */
  Optional<Integer> awaitExit(Duration timeout) {
    try {
      return Optional.of(process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException stillRunning) {
      return Optional.empty();
    } catch (Exception e) {
      throw new IllegalStateException("waiting for " + name + " to exit", e);
    }
  }

  /** GET /q/health/ready answers 200. */
  boolean ready() {
    if (!isAlive()) {
      return false;
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
              .timeout(Duration.ofSeconds(3))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What the current incarnation logged so far. */
  String logSinceStart() {
    try {
      byte[] all = Files.readAllBytes(process.log());
      int from = (int) Math.min(logOffsetAtStart, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private long logSize() {
    Path log =
        logs.resolve(service.moduleName() + "-" + properties.get("quarkus.http.port") + ".log");
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cmdline(long pid) {
    try {
      return new String(
              Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
              StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "(gone: " + e.getMessage() + ")";
    }
  }

  /** For a JVM shutdown hook: the services must not outlive the test JVM. */
  void killQuietly() {
    try {
      if (isAlive()) {
        process.kill();
      }
    } catch (RuntimeException e) {
      System.err.println("Could not kill " + name + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (isAlive()) {
      process.close();
    }
  }
}
