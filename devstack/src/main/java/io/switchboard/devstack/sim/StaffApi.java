package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The staff side's public APIs: routing's operator, presence, directory and report endpoints,
 * sla-service's policy and report, notification-service's CSAT report and rating form, and each
 * service's {@code /q/metrics}. Each call says what it got; nothing here throws on a refusal.
 */
final class StaffApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An answer; {@code requestedAt}..{@code answeredAt} brackets when the service acted.
   *
   * @param status 0 when the service could not be reached
   */
  record Answer(int status, JsonNode body, String text, Instant requestedAt, Instant answeredAt) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http;
  private final SimOptions options;
  private final TokenMint tokens;

  StaffApi(HttpClient http, SimOptions options, TokenMint tokens) {
    this.http = http;
    this.options = options;
    this.tokens = tokens;
  }

  Answer directory() {
    return call(get(options.routingUrl() + "/api/admin/directory", tokens.admin()));
  }

  Answer putOperator(String operatorId, JsonNode spec) {
    return call(
        put(options.routingUrl() + "/api/admin/operators/" + operatorId, tokens.admin(), spec));
  }

  Answer presence(String operatorId, String presence) {
    return call(
        put(
            options.routingUrl() + "/api/operators/me/presence",
            tokens.operator(operatorId),
            JSON.createObjectNode().put("presence", presence)));
  }

  Answer heartbeat(String operatorId) {
    return call(
        post(
            options.routingUrl() + "/api/operators/me/heartbeat",
            tokens.operator(operatorId),
            null));
  }

  /** accept, decline, replies, wait-on-customer, resolve: as the operator. */
  Answer act(String operatorId, String inquiryId, String action) {
    return call(
        post(
            options.routingUrl() + "/api/inquiries/" + inquiryId + "/" + action,
            tokens.operator(operatorId),
            null));
  }

  Answer inquiry(String inquiryId) {
    return call(get(options.routingUrl() + "/api/inquiries/" + inquiryId, tokens.admin()));
  }

  Answer policy() {
    return call(get(options.slaUrl() + "/sla/policy", tokens.admin()));
  }

  Answer putPolicy(JsonNode rules) {
    return call(put(options.slaUrl() + "/sla/policy", tokens.admin(), rules));
  }

  /** A supervisor report, JSON, for the run's window; instants are exclusive at the end. */
  Answer report(String baseUrl, String path, Instant from, Instant to, String extra) {
    String query =
        "?from="
            + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
            + "&to="
            + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8)
            + (extra == null ? "" : "&" + extra);
    return call(get(baseUrl + path + query, tokens.admin()));
  }

  /** The customer's rating, as the rating page's form sends it. */
  Answer rate(String inquiryId, String token, int score, String comment) {
    var body = JSON.createObjectNode().put("token", token).put("score", score);
    if (comment != null) {
      body.put("comment", comment);
    }
    return call(
        HttpRequest.newBuilder(URI.create(options.notificationUrl() + "/csat/" + inquiryId))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  Answer metrics(String baseUrl) {
    return call(
        HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
            .timeout(Duration.ofSeconds(30))
            .GET());
  }

  private static HttpRequest.Builder get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET();
  }

  private static HttpRequest.Builder put(String url, String token, JsonNode body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private static HttpRequest.Builder post(String url, String token, JsonNode body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  /**
   * Sends, retrying what never reached the service or met a 503 (it asks for a retry); any other
   * answer, a 409 included, is the service's word and returned as it is.
   */
  private Answer call(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    Instant started = Instant.now();
    String failure = null;
    for (int attempt = 1; attempt <= 4; attempt++) {
      started = Instant.now();
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Instant answered = Instant.now();
        if (response.statusCode() == 503 && attempt < 4) {
          pause(attempt);
          continue;
        }
        return new Answer(
            response.statusCode(), parse(response.body()), response.body(), started, answered);
      } catch (IOException e) {
        failure = e.toString();
        pause(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "interrupted";
        break;
      }
    }
    return new Answer(0, MissingNode.getInstance(), failure, started, Instant.now());
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank() || !(body.startsWith("{") || body.startsWith("["))) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(300L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Map<String, String> serviceUrls(SimOptions options) {
    return Map.of(
        "ingest", options.ingestUrl(),
        "routing", options.routingUrl(),
        "sla", options.slaUrl(),
        "notification", options.notificationUrl());
  }
}
