package io.switchboard.ingest.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON body Jackson could not read, in words a caller can act on: not
 * JSON at all, nested too deep, or JSON of the wrong shape (an array where an object belongs, an
 * object where a field's string belongs). Never Jackson's own message, which names Java classes.
 */
public final class JsonProblems {
  private static final String MALFORMED = "Malformed request body";
  private static final String WRONG_SHAPE = "Unexpected request body";

  private JsonProblems() {}

  public static ProblemException of(JsonProcessingException e) {
    // Databind wraps what the parser found (a string cut off mid-way) with the field it was
    // reading: the parser's finding is the problem.
    if (e instanceof JsonMappingException
        && e.getCause() instanceof JsonProcessingException cause) {
      return of(cause);
    }
    if (e instanceof StreamConstraintsException limit) {
      return tooLarge(limit);
    }
    if (e instanceof MismatchedInputException mismatch) {
      return wrongShape(mismatch);
    }
    if (e instanceof StreamReadException) {
      return malformed(e);
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      // A value of the right JSON type that its field cannot hold, e.g. an unknown enum name.
      String field = path(mapping.getPath());
      return new ProblemException(
          "wrong-json-type",
          400,
          WRONG_SHAPE,
          "The field " + field + " has a value it cannot hold",
          List.of(new FieldError(field, "unsupported value")),
          0);
    }
    return malformed(e);
  }

  private static ProblemException tooLarge(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    boolean depth = message.toLowerCase(java.util.Locale.ROOT).contains("nesting depth");
    String reason = depth ? "nested too deep" : "a number, string or name too long";
    return new ProblemException(
        depth ? "too-deep" : "json-limit",
        400,
        MALFORMED,
        depth
            ? "The body is JSON nested deeper than this service reads"
            : "The body holds a JSON number, string or name longer than this service reads",
        List.of(new FieldError("body", reason)),
        0);
  }

  private static ProblemException wrongShape(MismatchedInputException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown.getPath());
      return new ProblemException(
          "unknown-field",
          400,
          WRONG_SHAPE,
          "The field " + field + " is not one this endpoint reads",
          List.of(new FieldError(field, "unknown field")),
          0);
    }
    String expected = expected(e.getTargetType());
    if (e instanceof InvalidFormatException && e.getTargetType() != null) {
      Object[] names = e.getTargetType().getEnumConstants();
      if (names != null) {
        expected =
            "one of "
                + java.util.Arrays.stream(names)
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
      }
    }
    if (e.getPath().isEmpty()) {
      return new ProblemException(
          "wrong-json-type",
          400,
          WRONG_SHAPE,
          "The body must be " + expected + " with the fields this endpoint documents",
          List.of(new FieldError("body", "must be " + expected)),
          0);
    }
    String field = path(e.getPath());
    return new ProblemException(
        "wrong-json-type",
        400,
        WRONG_SHAPE,
        "The field " + field + " must be " + expected,
        List.of(new FieldError(field, "must be " + expected)),
        0);
  }

  private static ProblemException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new ProblemException(
        "malformed-json",
        400,
        MALFORMED,
        "The body is not valid JSON" + where + ": " + firstClause(e.getOriginalMessage()),
        List.of(new FieldError("body", "malformed JSON")),
        0);
  }

  /** What a JSON value of the Java type looks like to a caller. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "a JSON value of another type";
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == char.class
        || type == Character.class
        || type.isEnum()) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    return "a JSON object";
  }

  /** {@code visitor.email}, {@code attachments[2].name}. */
  static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  // Jackson appends where a structure started, with the source's description; the location above
  // says where it failed, which is what the caller needs.
  private static String firstClause(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    int marker = line.indexOf(" (start marker");
    return marker > 0 ? line.substring(0, marker) : line;
  }
}
