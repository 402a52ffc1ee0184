package io.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The real Kafka broker and PostgreSQL server shared by every test JVM of one Maven run.
 *
 * <p>The first JVM that asks starts devstack's {@code InfraMain} as a separate process owned by the
 * Maven JVM (this JVM's parent), so it lives exactly as long as the Maven run; later JVMs find its
 * coordinates file. A file lock keeps two JVMs from starting two daemons.
 */
public final class TestInfra {
  private static final String STATE_PROPERTY = "sbtest.infra.dir";
  private static final String CLASSPATH_PROPERTY = "sbtest.devstack.dir";
  private static TestInfra instance;

  private final String bootstrapServers;
  private final int postgresPort;
  private final String postgresUser;

  private TestInfra(Properties coordinates) {
    this.bootstrapServers = coordinates.getProperty("kafka.bootstrap.servers");
    this.postgresPort = Integer.parseInt(coordinates.getProperty("postgres.port"));
    this.postgresUser = coordinates.getProperty("postgres.user");
  }

  public static synchronized TestInfra get() {
    if (instance == null) {
      instance = new TestInfra(findOrStartDaemon());
    }
    return instance;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public int postgresPort() {
    return postgresPort;
  }

  public String postgresUser() {
    return postgresUser;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
  }

  public String reactiveUrl(String database) {
    return "postgresql://127.0.0.1:" + postgresPort + "/" + database;
  }

  /** A new, empty database with a unique name, so that test JVMs never see each other's rows. */
  public String newDatabase(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = connect("postgres")) {
      connection.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), postgresUser, "");
  }

  private static Properties findOrStartDaemon() {
    // One daemon per Maven run: concurrent runs in the same checkout must not share one whose
    // owner may exit first.
    long owner = ProcessHandle.current().parent().orElse(ProcessHandle.current()).pid();
    Path state = Path.of(required(STATE_PROPERTY)).resolve("run-" + owner);
    try {
      Files.createDirectories(state);
      try (FileChannel lockFile =
              FileChannel.open(
                  state.resolve("infra.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        Properties running = readIfAlive(state.resolve("infra.properties"));
        if (running != null) {
          return running;
        }
        startDaemon(state, owner);
        Awaitility.await("test infrastructure daemon (logs in " + state + ")")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> readIfAlive(state.resolve("infra.properties")) != null);
        return readIfAlive(state.resolve("infra.properties"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("test infrastructure unavailable", e);
    }
  }

  private static void startDaemon(Path state, long owner) throws IOException {
    Files.deleteIfExists(state.resolve("infra.properties"));
    Path devstack = Path.of(required(CLASSPATH_PROPERTY));
    Path classpathFile = devstack.resolve("target").resolve("devstack.classpath");
    if (!Files.exists(classpathFile)) {
      throw new IllegalStateException(
          classpathFile + " is missing: build devstack first (./mvnw -pl devstack package)");
    }
    String classpath =
        devstack.resolve("target").resolve("classes")
            + java.io.File.pathSeparator
            + Files.readString(classpathFile).trim();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx256m", "-cp", classpath, "io.switchboard.devstack.InfraMain"));
    command.addAll(List.of(state.toString(), Long.toString(owner)));
    new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(state.resolve("daemon.log").toFile())
        .start();
  }

  private static Properties readIfAlive(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    long pid = Long.parseLong(properties.getProperty("pid", "-1"));
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    return alive ? properties : null;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "System property "
              + property
              + " is not set: run tests through Maven (surefire sets it)");
    }
    return value;
  }
}
