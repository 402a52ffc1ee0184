package io.switchboard.e2e.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines README quotes from the example consumer are in the class, in the same order. */
class ReadmeExampleConsumerTest {
  private static final Path ROOT = Path.of(System.getProperty("sbtest.root", ".."));

  @Test
  void readmeSnippetIsTakenFromTheExampleClass() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int begin = readme.indexOf("<!-- example-consumer:begin -->");
    int end = readme.indexOf("<!-- example-consumer:end -->");
    assertThat(begin).as("README's example-consumer markers").isNotNegative().isLessThan(end);
    List<String> quoted =
        readme.substring(begin, end).lines().map(String::strip).filter(this::isCode).toList();
    assertThat(quoted).as("lines quoted in README").hasSizeGreaterThan(10);

    List<String> source =
        Files.readAllLines(
                ROOT.resolve(
                    "e2e-tests/src/test/java/io/switchboard/e2e/examples/"
                        + "PlainKafkaConsumerExample.java"))
            .stream()
            .map(String::strip)
            .toList();
    int at = 0;
    for (String line : quoted) {
      int found = source.subList(at, source.size()).indexOf(line);
      assertThat(found)
          .as("README line '%s' is not in PlainKafkaConsumerExample after line %d", line, at)
          .isNotNegative();
      at += found + 1;
    }
  }

  private boolean isCode(String line) {
    return !line.isEmpty() && !line.startsWith("```") && !line.startsWith("<!--");
  }
}
