package io.switchboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A packaged Switchboard service running as its own process. */
public final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final SwitchboardService service;
  private final JavaProcess process;
  private final int port;

  private ServiceProcess(SwitchboardService service, JavaProcess process, int port) {
    this.service = service;
    this.process = process;
    this.port = port;
  }

  public static ServiceProcess start(
      SwitchboardService service,
      Path repositoryRoot,
      Map<String, String> properties,
      Path logDir) {
    Path jar = service.jar(repositoryRoot);
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the services first (./mvnw package -DskipTests)");
    }
    List<String> jvm = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC"));
    properties.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
    int port = Integer.parseInt(properties.get("quarkus.http.port"));
    JavaProcess process =
        JavaProcess.start(
            service.moduleName(),
            jvm,
            List.of("-jar", jar.toString()),
            logDir.resolve(service.moduleName() + "-" + port + ".log"));
    return new ServiceProcess(service, process, port);
  }

  public SwitchboardService service() {
    return service;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return process.log();
  }

  /** SIGKILL, as a crashed host or the OOM killer would; returns once the process is gone. */
  public void kill() {
    process.kill();
  }

  /** Completes with the exit code when the process ends (137 after SIGKILL or a halt(137)). */
  public CompletableFuture<Integer> onExit() {
    return process.onExit();
  }

  /** Waits until {@code /q/health/ready} answers 200 (broker and database reachable). */
  public ServiceProcess awaitReady(Duration timeout) {
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build();
    Deadline.await(
        service.moduleName() + " to be ready (log: " + process.log() + ")",
        timeout,
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                service.moduleName() + " exited:\n" + process.logTail());
          }
          try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (IOException notYet) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        });
    return this;
  }

  public String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
