package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ingest-service's five channels, called the way each channel's sender calls them: the web form and
 * the MTA pipe with their API keys, chat and PBX webhooks signed with HMAC-SHA256, Telegram with
 * the bot's secret token. A 429 or 503 is retried with the same body (the same idempotency key or
 * message id), as the README asks of every sender: nothing accepted is lost or doubled.
 */
final class IngestDoor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 8;

  /**
   * What the channel answered; {@code requestedAt}..{@code answeredAt} brackets the moment the
   * system took the message (its last attempt).
   */
  record Delivery(
      int status,
      String inquiryId,
      String ticket,
      Instant requestedAt,
      Instant answeredAt,
      int attempts,
      String problem) {
    boolean accepted() {
      return status == 202;
    }
  }

  private final HttpClient http;
  private final SimOptions options;
  private final Map<String, AtomicInteger> refusals = new TreeMap<>();
  private final Map<String, String> problems = new TreeMap<>();

  IngestDoor(HttpClient http, SimOptions options) {
    this.http = http;
    this.options = options;
  }

  Delivery webForm(String idempotencyKey, SimCustomer customer, String subject, String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", customer.name());
    if (customer.email() != null) {
      body.put("email", customer.email());
    } else {
      body.put("phone", customer.phone());
    }
    body.put("subject", subject);
    body.put("text", text);
    return post(
        "WEB_FORM",
        request("/inquiries", "application/json", bytes(body))
            .header("X-Api-Key", options.webFormKey())
            .header("Idempotency-Key", idempotencyKey));
  }

  Delivery email(byte[] raw) {
    return post(
        "EMAIL",
        request("/channels/email", "message/rfc822", raw).header("X-Api-Key", options.emailKey()));
  }

  /** A visitor's message (with the visitor's details) or an operator's, in a chat session. */
  Delivery chat(
      String sessionId, String messageId, String operatorId, SimCustomer visitor, String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("sessionId", sessionId);
    body.put("messageId", messageId);
    if (operatorId != null) {
      body.put("author", "operator");
      body.put("operatorId", operatorId);
    } else {
      body.put("author", "visitor");
      ObjectNode who = body.putObject("visitor");
      who.put("name", visitor.name());
      if (visitor.email() != null) {
        who.put("email", visitor.email());
      }
    }
    body.put("text", text);
    return signed("CHAT", "/channels/chat", options.chatSecret(), bytes(body));
  }

  /** A PBX call event: {@code missed} or {@code voicemail} with its transcript. */
  Delivery call(String callId, String event, String caller, int waitSeconds, String transcript) {
    ObjectNode body = JSON.createObjectNode();
    body.put("callId", callId);
    body.put("event", event);
    body.put("caller", caller);
    body.put("called", "+7 495 123-45-67");
    body.put("waitSeconds", waitSeconds);
    if (transcript != null) {
      ObjectNode recording = body.putObject("recording");
      recording.put("url", "https://pbx.example.com/rec/" + callId + ".mp3");
      recording.put("contentType", "audio/mpeg");
      recording.put("sizeBytes", 48_000);
      recording.put("transcript", transcript);
    }
    return signed("PHONE", "/channels/phone", options.pbxSecret(), bytes(body));
  }

  Delivery telegram(long updateId, long messageId, SimCustomer customer, String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("update_id", updateId);
    ObjectNode message = body.putObject("message");
    message.put("message_id", messageId);
    ObjectNode from = message.putObject("from");
    from.put("id", customer.telegramId());
    from.put("is_bot", false);
    String[] name = customer.name().split(" ", 2);
    from.put("first_name", name[0]);
    if (name.length > 1) {
      from.put("last_name", name[1]);
    }
    from.put("language_code", customer.russian() ? "ru" : "en");
    ObjectNode chat = message.putObject("chat");
    chat.put("id", customer.telegramId());
    chat.put("type", "private");
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", text);
    return post(
        "TELEGRAM",
        request("/channels/telegram", "application/json", bytes(body))
            .header("X-Telegram-Bot-Api-Secret-Token", options.telegramSecret()));
  }

  /** Refusals by channel and status, e.g. {@code CHAT 401}; retried ones included. */
  synchronized Map<String, Integer> refusals() {
    Map<String, Integer> copy = new TreeMap<>();
    refusals.forEach((key, count) -> copy.put(key, count.get()));
    return copy;
  }

  /** The first problem body of each kind of refusal. */
  synchronized Map<String, String> problems() {
    return new TreeMap<>(problems);
  }

  private Delivery signed(String channel, String path, String secret, byte[] body) {
    return post(
        channel,
        request(path, "application/json", body)
            .header("X-Signature", "sha256=" + hmac(secret, body)));
  }

  private HttpRequest.Builder request(String path, String type, byte[] body) {
    return HttpRequest.newBuilder(URI.create(options.ingestUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private Delivery post(String channel, HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    String problem = null;
    int status = 0;
    Instant started = Instant.now();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      started = Instant.now();
      long retryAfterMillis = 500L * attempt;
      try {
        HttpResponse<String> response =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Instant answered = Instant.now();
        status = response.statusCode();
        if (status == 202) {
          JsonNode accepted = JSON.readTree(response.body());
          return new Delivery(
              status,
              accepted.path("inquiryId").asText(null),
              accepted.path("ticket").asText(null),
              started,
              answered,
              attempt,
              null);
        }
        refused(channel + " " + status);
        problem = response.body();
        synchronized (this) {
          problems.putIfAbsent(channel + " " + status, problem);
        }
        if (status != 429 && status != 503) {
          return new Delivery(status, null, null, started, answered, attempt, problem);
        }
        retryAfterMillis =
            response
                .headers()
                .firstValue("Retry-After")
                .map(s -> Math.min(5_000L, Long.parseLong(s.trim()) * 1000))
                .orElse(retryAfterMillis);
      } catch (IOException e) {
        refused(channel + " " + e.getClass().getSimpleName());
        problem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Delivery(0, null, null, started, Instant.now(), attempt, "interrupted");
      }
      sleep(retryAfterMillis);
    }
    return new Delivery(status, null, null, started, Instant.now(), ATTEMPTS, problem);
  }

  private synchronized void refused(String key) {
    refusals.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
