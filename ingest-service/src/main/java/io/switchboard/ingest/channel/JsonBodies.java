package io.switchboard.ingest.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.JsonProblems;
import io.switchboard.ingest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a webhook's JSON body from the exact bytes that were signed: the signature is checked on
 * the bytes first, so the body cannot be bound by the framework before.
 */
@ApplicationScoped
public class JsonBodies {
  private final ObjectMapper mapper;

  public JsonBodies(ObjectMapper mapper) {
    // Webhook senders add fields over time; an unknown field must not refuse a whole message.
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw ProblemException.invalid(
          "empty-body", List.of(new FieldError("body", "a JSON body is required")));
    }
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.invalid(
          "invalid-utf8", List.of(new FieldError("body", "not valid UTF-8")));
    }
    T value;
    try {
      value = mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw JsonProblems.of(e);
    }
    if (value == null) {
      throw ProblemException.invalid(
          "empty-body", List.of(new FieldError("body", "a JSON object is required, not null")));
    }
    return value;
  }
}
