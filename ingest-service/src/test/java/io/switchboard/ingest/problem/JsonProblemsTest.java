package io.switchboard.ingest.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {
  // As the service's mapper reads: senders add fields over time.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  enum Author {
    visitor,
    operator
  }

  record Visitor(String name, String email) {}

  record Message(
      String text, Visitor visitor, List<String> tags, boolean urgent, int count, Author author) {}

  private static ProblemException problemReading(String json) {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class, () -> MAPPER.readValue(json, Message.class));
    assertThat(e).as("Jackson refuses %s", json).isNotNull();
    return JsonProblems.of(e);
  }

  @Test
  void anArrayWhereTheObjectBelongsSaysAnObjectIsRequired() {
    ProblemException problem = problemReading("[1,2]");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.reason()).isEqualTo("wrong-json-type");
    assertThat(problem.getMessage()).contains("must be a JSON object");
    assertThat(problem.errors()).containsExactly(new FieldError("body", "must be a JSON object"));
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedWithItsPath() {
    assertThat(problemReading("{\"text\": {\"nested\": 1}}").errors())
        .containsExactly(new FieldError("text", "must be a string"));
    assertThat(problemReading("{\"visitor\": {\"email\": [1]}}").errors())
        .containsExactly(new FieldError("visitor.email", "must be a string"));
    assertThat(problemReading("{\"urgent\": {}}").errors())
        .containsExactly(new FieldError("urgent", "must be true or false"));
    assertThat(problemReading("{\"tags\": [\"a\", {}]}").errors())
        .containsExactly(new FieldError("tags[1]", "must be a string"));
    assertThat(problemReading("{\"count\": \"many\"}").errors())
        .containsExactly(new FieldError("count", "must be a number"));
    assertThat(problemReading("{\"author\": \"robot\"}").errors())
        .containsExactly(new FieldError("author", "must be one of visitor, operator"));
  }

  @Test
  void anUnknownFieldIsNamedWhenTheReaderRefusesThem() {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class,
            () -> new ObjectMapper().readValue("{\"txet\": \"typo\"}", Message.class));
    assertThat(JsonProblems.of(e).errors())
        .containsExactly(new FieldError("txet", "unknown field"));
  }

  @Test
  void nestingDeeperThanTheParserReadsIsNamedAsSuch() {
    ProblemException problem = problemReading("{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500));
    assertThat(problem.reason()).isEqualTo("too-deep");
    assertThat(problem.getMessage()).contains("nested deeper");
    assertThat(problem.errors()).containsExactly(new FieldError("body", "nested too deep"));
  }

  @Test
  void brokenJsonSaysWhereWithoutJacksonsSourceDescription() {
    ProblemException problem = problemReading("{\"text\": \"unclosed");
    assertThat(problem.reason()).isEqualTo("malformed-json");
    assertThat(problem.getMessage())
        .startsWith("The body is not valid JSON at line 1, column")
        .doesNotContain("Source")
        .doesNotContain("io.switchboard");
    assertThat(problem.errors()).containsExactly(new FieldError("body", "malformed JSON"));
    assertThat(problemReading("{\"text\": \"a\"").getMessage()).doesNotContain("start marker");
  }

  @Test
  void expectedTypesReadAsJsonNotJava() {
    assertThat(JsonProblems.expected(Integer.class)).isEqualTo("a number");
    assertThat(JsonProblems.expected(long.class)).isEqualTo("a number");
    assertThat(JsonProblems.expected(String[].class)).isEqualTo("a JSON array");
    assertThat(JsonProblems.expected(java.util.Map.class)).isEqualTo("a JSON object");
  }
}
