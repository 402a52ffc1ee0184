package io.switchboard.e2e.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the suite is doing, with the seconds since it started: on standard output (failsafe keeps it
 * in the test's output file) and in a file that can be followed while the suite runs.
 */
final class Progress {
  private final long started = System.nanoTime();
  private final Path file;

  Progress(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  synchronized void log(String format, Object... args) {
    String line = String.format("[fault-suite %6.1f s] ", seconds()) + format.formatted(args);
    System.out.println(line);
    try {
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("cannot write " + file + ": " + e);
    }
  }
}
