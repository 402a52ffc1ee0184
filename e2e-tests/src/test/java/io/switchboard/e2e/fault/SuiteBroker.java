package io.switchboard.e2e.fault;

import io.switchboard.devstack.KafkaNode;
import io.switchboard.devstack.Ports;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The fault suite's own KRaft broker (not the daemon other tests share): a child JVM that a kill -9
 * really kills, started again on the same log directory, client port and controller port.
 */
final class SuiteBroker implements AutoCloseable {
  private static final Duration READY_LIMIT = Duration.ofMinutes(3);
  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private volatile KafkaNode node;

  private SuiteBroker(Path dir, int port, int controllerPort, String classpath) {
    this.dir = dir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.classpath = classpath;
  }

  static SuiteBroker start(Path dir) {
    SuiteBroker broker = new SuiteBroker(dir, Ports.free(), Ports.free(), devstackClasspath());
    broker.node =
        KafkaNode.start(dir, broker.port, broker.controllerPort, broker.classpath, READY_LIMIT);
    return broker;
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  long pid() {
    return node.pid();
  }

  boolean isAlive() {
    return node.isAlive();
  }

  void kill() {
    node.kill();
  }

  /** Returns once the broker answers a metadata request again. */
  void restart() {
    node = KafkaNode.start(dir, port, controllerPort, classpath, READY_LIMIT);
  }

  @Override
  public void close() {
    if (node != null) {
      node.close();
    }
  }

  /** devstack's classes and its runtime dependencies (Kafka's jars), as TestInfra finds them. */
  private static String devstackClasspath() {
    Path devstack = Path.of(System.getProperty("sbtest.devstack.dir"));
    Path classpathFile = devstack.resolve("target").resolve("devstack.classpath");
    try {
      return devstack.resolve("target").resolve("classes")
          + File.pathSeparator
          + Files.readString(classpathFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(classpathFile + " is missing: build devstack first", e);
    }
  }
}
