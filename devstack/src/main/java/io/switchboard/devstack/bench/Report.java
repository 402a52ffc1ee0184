package io.switchboard.devstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The report: printed as it is written, and appended to its file line by line. */
final class Report {
  private final Path file;

  Report(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file() {
    return file;
  }

  void line(String text) {
    System.out.println(text);
    System.out.flush();
    try {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void line(String label, String text) {
    line(String.format("  %-24s %s", label, text));
  }

  /** Progress that is not part of the report: printed only. */
  static void progress(String text) {
    System.out.println("  … " + text);
    System.out.flush();
  }
}
