package io.switchboard.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The test infrastructure daemon: one Kafka broker and one PostgreSQL server for a whole Maven run.
 * The first test JVM that needs them starts this process with the Maven JVM as its owner; later
 * test JVMs find the coordinates file and reuse it. It stops when the owner exits.
 *
 * <p>Arguments: {@code <state dir> <owner pid>}. Writes {@code <state dir>/infra.properties} once
 * both servers accept connections.
 */
public final class InfraMain {
  private InfraMain() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    long owner = Long.parseLong(args[1]);
    Files.createDirectories(state);
    PostgresNode postgres = PostgresNode.start(state.resolve("postgres"), Ports.free(), true);
    KafkaNode kafka =
        KafkaNode.start(
            state.resolve("kafka"), Ports.free(), System.getProperty("java.class.path"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  postgres.close();
                  deleteQuietly(state);
                  stopped.countDown();
                }));
    writeCoordinates(state, kafka, postgres);
    ProcessHandle.of(owner)
        .ifPresentOrElse(
            handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    stopped.await();
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // Leftovers live under target/ and go with the next clean.
    }
  }

  private static void writeCoordinates(Path state, KafkaNode kafka, PostgresNode postgres)
      throws IOException {
    Properties coordinates = new Properties();
    coordinates.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
    coordinates.setProperty("postgres.port", Integer.toString(postgres.port()));
    coordinates.setProperty("postgres.user", PostgresNode.USER);
    coordinates.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    Path temp = state.resolve("infra.properties.tmp");
    try (var out = Files.newOutputStream(temp)) {
      coordinates.store(out, "Switchboard test infrastructure");
    }
    Files.move(
        temp,
        state.resolve("infra.properties"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
