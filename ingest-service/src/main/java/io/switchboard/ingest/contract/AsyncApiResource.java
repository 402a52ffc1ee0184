package io.switchboard.ingest.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Kafka contract for integrators: the AsyncAPI document of the contracts module, as written
 * (YAML) and as JSON, and the payload schemas it refers to ({@code schemas/…} relative to it).
 * Public: it describes topics, not data.
 */
@Path("/")
@ApplicationScoped
@Tag(name = "Kafka contract", description = "The AsyncAPI document of every Switchboard topic")
public class AsyncApiResource {
  static final String DOCUMENT = "asyncapi/switchboard.asyncapi.yaml";
  private static final String YAML = "application/yaml";
  private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9-]+\\.v[0-9]+\\.json");

  private final String yaml;
  private final String json;

  public AsyncApiResource() {
    this.yaml = resource(DOCUMENT);
    try {
      this.json =
          new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("the AsyncAPI document is not valid YAML", e);
    }
  }

  @GET
  @Path("asyncapi")
  @Produces(YAML)
  @Operation(
      summary = "The AsyncAPI 3.0 document (YAML)",
      description =
          "Every topic: key, CloudEvents headers, payload schemas, producer, consumers"
              + " and dead-letter topics.")
  @APIResponse(
      responseCode = "200",
      description = "The document",
      content = @Content(mediaType = YAML))
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/yaml")
  public String yaml() {
    return yaml;
  }

  @GET
  @Path("asyncapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The AsyncAPI 3.0 document (JSON)",
      description = "The same document as JSON.")
  @APIResponse(
      responseCode = "200",
      description = "The document",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/json")
  public String json() {
    return json;
  }

  @GET
  @Path("schemas/{file}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "One payload schema the document refers to",
      description = "A JSON Schema (2020-12), e.g. inquiry-received.v1.json.")
  @APIResponse(
      responseCode = "200",
      description = "The schema",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(responseCode = "404", description = "No such schema")
  public String schema(@PathParam("file") String file) {
    if (!SCHEMA_FILE.matcher(file).matches()) {
      throw new NotFoundException("no schema " + file);
    }
    InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi/schemas/" + file);
    if (in == null) {
      throw new NotFoundException("no schema " + file);
    }
    return read(in, file);
  }

  private static String resource(String name) {
    InputStream in = AsyncApiResource.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the contracts jar");
    }
    return read(in, name);
  }

  private static String read(InputStream in, String name) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
