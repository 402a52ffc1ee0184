package io.switchboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Apache Kafka broker in KRaft mode, run as a child JVM from Kafka's own jars. */
public final class KafkaNode implements AutoCloseable {
  private final JavaProcess process;
  private final int port;

  private KafkaNode(JavaProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a broker whose log directory lives in {@code dir}; an existing one is reused.
   *
   * @param classpath a classpath holding Kafka's jars and this class
   */
  public static KafkaNode start(Path dir, int port, String classpath) {
    return start(dir, port, Ports.free(), classpath);
  }

  /**
   * As {@link #start(Path, int, String)} with a fixed controller port: a broker restarted on the
   * same log directory after a crash listens where it did before.
   */
  public static KafkaNode start(Path dir, int port, int controllerPort, String classpath) {
    return start(dir, port, controllerPort, classpath, Duration.ofSeconds(90));
  }

  /**
   * @param readyTimeout how long the broker may take to serve; a restart recovering its log on a
   *     loaded machine takes longer than a first start
   */
  public static KafkaNode start(
      Path dir, int port, int controllerPort, String classpath, Duration readyTimeout) {
    Path config = writeConfig(dir, port, controllerPort);
    Path loggingConfig = writeLoggingConfig(dir);
    List<String> jvm = List.of("-Xmx768m", "-Dlog4j2.configurationFile=" + loggingConfig);
    if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
      format(dir, config, classpath, jvm);
    }
    JavaProcess process =
        JavaProcess.start(
            "kafka",
            jvm,
            List.of(
                "-cp",
                classpath,
                KafkaMain.class.getName(),
                Long.toString(ProcessHandle.current().pid()),
                config.toString()),
            dir.resolve("kafka-stdout.log"));
    KafkaNode node = new KafkaNode(process, port);
    try {
      node.awaitReady(readyTimeout);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return node;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private void awaitReady(Duration timeout) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(config)) {
      Deadline.await(
          "Kafka broker on port " + port,
          timeout,
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Kafka exited:\n" + process.logTail());
            }
            try {
              return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            } catch (Exception notYet) {
              return false;
            }
          });
    }
  }

  private static void format(Path dir, Path config, String classpath, List<String> jvm) {
    String clusterId = Uuid.randomUuid().toString();
    try (JavaProcess format =
        JavaProcess.start(
            "kafka-format",
            jvm,
            List.of(
                "-cp",
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                config.toString()),
            dir.resolve("kafka-format.log"))) {
      Deadline.await("Kafka storage format", Duration.ofSeconds(60), () -> !format.isAlive());
      if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
        throw new IllegalStateException("Kafka storage format failed:\n" + format.logTail());
      }
    }
  }

  private static Path writeConfig(Path dir, int port, int controllerPort) {
    String config =
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=3",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=5",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "");
    return write(dir.resolve("server.properties"), config);
  }

  private static Path writeLoggingConfig(Path dir) {
    String config =
        String.join(
            "\n",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + dir.resolve("kafka.log"),
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.file.ref = file",
            "");
    return write(dir.resolve("kafka-log4j2.properties"), config);
  }

  private static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no controlled shutdown, no final flush of the log segments. */
  public void kill() {
    process.kill();
  }

  @Override
  public void close() {
    process.close();
  }
}
