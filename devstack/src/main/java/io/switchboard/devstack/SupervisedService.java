package io.switchboard.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A service of the local run that is started again when its process ends while the stack runs, as a
 * process supervisor would in a deployment: a developer who kills one to see what happens sees it
 * come back and catch up, instead of a stack that silently lacks a service. A service that keeps
 * dying soon after starting is left stopped, with its log's tail.
 */
final class SupervisedService implements AutoCloseable {
  /** A process that lived shorter than this counts towards giving up. */
  private static final Duration SHORT_LIFE = Duration.ofSeconds(30);

  private static final int SHORT_LIVES_BEFORE_GIVING_UP = 3;
  private static final Duration READY_WAIT = Duration.ofMinutes(3);

  private final SwitchboardService service;
  private final Path root;
  private final Map<String, String> properties;
  private final Path logDir;
  private final Consumer<String> say;
  private final BooleanSupplier stackStopping;
  private volatile ServiceProcess current;
  private volatile boolean closed;
  private Instant startedAt;
  private int shortLives;

  private SupervisedService(
      SwitchboardService service,
      Path root,
      Map<String, String> properties,
      Path logDir,
      Consumer<String> say,
      BooleanSupplier stackStopping) {
    this.service = service;
    this.root = root;
    this.properties = Map.copyOf(properties);
    this.logDir = logDir;
    this.say = say;
    this.stackStopping = stackStopping;
  }

  /**
   * @param stackStopping true once the stack stops: Ctrl-C reaches the services too (one process
   *     group), and a service that exits then is not started again
   */
  static SupervisedService start(
      SwitchboardService service,
      Path root,
      Map<String, String> properties,
      Path logDir,
      Consumer<String> say,
      BooleanSupplier stackStopping) {
    SupervisedService supervised =
        new SupervisedService(service, root, properties, logDir, say, stackStopping);
    supervised.launch();
    return supervised;
  }

  ServiceProcess process() {
    return current;
  }

  private synchronized void launch() {
    startedAt = Instant.now();
    current = ServiceProcess.start(service, root, properties, logDir);
    ServiceProcess watched = current;
    // On a thread of its own: starting again waits minutes for readiness.
    watched
        .onExit()
        .thenAcceptAsync(
            code -> exited(watched, code),
            task ->
                Thread.ofPlatform()
                    .daemon()
                    .name(service.moduleName() + "-supervisor")
                    .start(task));
  }

  private void exited(ServiceProcess process, int code) {
    if (closed || stackStopping.getAsBoolean() || process != current) {
      return;
    }
    String name = service.moduleName();
    boolean shortLived = Duration.between(startedAt, Instant.now()).compareTo(SHORT_LIFE) < 0;
    shortLives = shortLived ? shortLives + 1 : 0;
    if (shortLives >= SHORT_LIVES_BEFORE_GIVING_UP) {
      say.accept(
          name
              + " exited with code "
              + code
              + " "
              + shortLives
              + " times within "
              + SHORT_LIFE.toSeconds()
              + " s of starting; not starting it again. Its log ("
              + process.log()
              + ") ends with:\n"
              + process.logTail());
      return;
    }
    say.accept(
        name + " exited with code " + code + "; starting it again (log: " + process.log() + ")");
    try {
      launch();
      current.awaitReady(READY_WAIT);
      say.accept(name + " is back at " + current.baseUrl() + " and catches up from Kafka");
    } catch (RuntimeException failed) {
      if (!closed && !stackStopping.getAsBoolean()) {
        say.accept(name + " did not come back: " + failed.getMessage());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    current.close();
  }

  @Override
  public String toString() {
    return service.moduleName();
  }
}
