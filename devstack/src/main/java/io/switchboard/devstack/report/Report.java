package io.switchboard.devstack.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A report of the benchmark or the simulator: printed as it is written, and appended to its file
 * line by line, so that an interrupted run keeps what it had found.
 */
public final class Report {
  private final Path file;

  public Report(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path file() {
    return file;
  }

  public void line(String text) {
    System.out.println(text);
    System.out.flush();
    try {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void line(String label, String text) {
    line(String.format("  %-24s %s", label, text));
  }

  /** Progress that is not part of the report: printed only. */
  public static void progress(String text) {
    System.out.println("  … " + text);
    System.out.flush();
  }

  /** The machine's load average over 1, 5 and 15 minutes: figures mean little without it. */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
