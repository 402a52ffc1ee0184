package io.switchboard.e2e.fault;

import io.switchboard.devstack.Deadline;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault suite's own PostgreSQL, separate from the daemon other tests share, so that killing it
 * hurts nobody else. zonky's binaries initialise and first start the cluster; after a kill -9 the
 * very same postmaster command line is started again under {@code unshare -U} (zonky runs it in a
 * user namespace because PostgreSQL refuses to run as root) on the same data directory and port,
 * and recovers from its WAL.
 */
final class SuitePostgres implements AutoCloseable {
  static final String USER = "postgres";

  private final Path dataDir;
  private final int port;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private volatile long pid;

  private SuitePostgres(
      Path dataDir, int port, List<String> command, Map<String, String> environment, Path log) {
    this.dataDir = dataDir;
    this.port = port;
    this.command = command;
    this.environment = environment;
    this.log = log;
    this.pid = postmasterPid(dataDir);
  }

  static SuitePostgres start(Path dir, int port) {
    Path dataDir = dir.resolve("data");
    try {
      EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(true)
          .setOverrideWorkingDirectory(dir.resolve("runtime").toFile())
          .setServerConfig("max_connections", "300")
          // zonky's default is off: a crash would then lose transactions that were already
          // committed and seen by other sessions, and the suite would blame the services for it.
          .setServerConfig("synchronous_commit", "on")
          // fsync stays off for speed: the suite kills the process, never the machine, and a dead
          // process loses nothing that reached the OS page cache.
          .setServerConfig("fsync", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
    }
    long pid = postmasterPid(dataDir);
    SuitePostgres postgres =
        new SuitePostgres(
            dataDir, port, cmdline(pid), environ(pid), dir.resolve("postgres-restarts.log"));
    Runtime.getRuntime().addShutdownHook(new Thread(postgres::killQuietly));
    return postgres;
  }

  int port() {
    return port;
  }

  long pid() {
    return pid;
  }

  List<String> command() {
    return command;
  }

  void createDatabase(String name) {
    try (Connection connection = connect("postgres")) {
      connection.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?connectTimeout=2", USER, "");
  }

  /**
   * SIGKILL to the postmaster and every backend at once, as a host crash would: nothing gets to
   * write a shutdown checkpoint.
   */
  void kill() {
    ProcessHandle postmaster =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid));
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(0, postmaster);
    all.forEach(ProcessHandle::destroyForcibly);
    Deadline.await(
        "PostgreSQL processes to die after SIGKILL",
        Duration.ofSeconds(20),
        () -> all.stream().noneMatch(ProcessHandle::isAlive));
  }

  /** Starts the same postmaster command line again and waits until it accepts queries. */
  void restart() {
    List<String> unshared = new ArrayList<>(List.of("unshare", "-U"));
    unshared.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(unshared)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      // unshare execs the postmaster, so this is its pid as well.
      pid = process.pid();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart PostgreSQL", e);
    }
    awaitQueries(Duration.ofSeconds(60));
  }

  boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  void awaitQueries(Duration timeout) {
    Deadline.await(
        "PostgreSQL on port " + port + " to answer (log " + log + ")",
        timeout,
        () -> {
          try (Connection connection = connect("postgres")) {
            return connection.createStatement().execute("select 1");
          } catch (SQLException notYet) {
            return false;
          }
        });
  }

  private void killQuietly() {
    try {
      if (isAlive()) {
        kill();
      }
    } catch (RuntimeException e) {
      System.err.println("Could not stop the fault suite's PostgreSQL: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    killQuietly();
  }

  private static long postmasterPid(Path dataDir) {
    try {
      return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
    }
  }

  private static List<String> cmdline(long pid) {
    return Arrays.asList(procFile(pid, "cmdline").split("\0"));
  }

  private static Map<String, String> environ(long pid) {
    Map<String, String> environment = new TreeMap<>();
    for (String entry : procFile(pid, "environ").split("\0")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        environment.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return environment;
  }

  private static String procFile(long pid, String name) {
    try {
      return new String(
          Files.readAllBytes(Path.of("/proc", Long.toString(pid), name)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/" + pid + "/" + name, e);
    }
  }
}
