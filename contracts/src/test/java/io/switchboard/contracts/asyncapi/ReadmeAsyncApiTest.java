package io.switchboard.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README's topic reference is the rendering of the AsyncAPI document. With {@code
 * -Dasyncapi.readme.write=true} the test writes the rendering into README instead of comparing.
 */
class ReadmeAsyncApiTest {
  static final String BEGIN = "<!-- asyncapi:begin -->";
  static final String END = "<!-- asyncapi:end -->";
  private static final String REGENERATE =
      "./mvnw -pl contracts test -Dtest=ReadmeAsyncApiTest -Dasyncapi.readme.write=true";

  @Test
  void readmeShowsTheCurrentDocument() throws IOException {
    Path readme = Path.of(System.getProperty("sbtest.root", "..")).resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("README.md lacks the %s … %s markers", BEGIN, END).isNotNegative();
    assertThat(end).as("README.md lacks the %s marker", END).isGreaterThan(begin);

    String rendered = "\n" + new AsyncApiMarkdown(AsyncApiDocument.load()).render();
    String current = text.substring(begin + BEGIN.length(), end);
    if (Boolean.getBoolean("asyncapi.readme.write")) {
      Files.writeString(
          readme,
          text.substring(0, begin + BEGIN.length()) + rendered + text.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(current)
        .as("README.md's AsyncAPI block is out of date; regenerate it with: %s", REGENERATE)
        .isEqualTo(rendered);
  }
}
