package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.devstack.sim.GroundTruth.Case;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customers' mailboxes: the local mail server's listing ({@code GET /messages.json?since=N})
 * and each message's source ({@code /messages/N.eml}), polled for mail to this run's customers. The
 * first mail of an inquiry (its ticket in the subject) before it was resolved is its
 * acknowledgement; mail with a rating link is the rating request.
 */
final class MailWatch implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TICKET = Pattern.compile("\\[([A-Z]+-[A-Z0-9-]+)]");
  private static final Pattern CSAT =
      Pattern.compile("/csat/([0-9a-f-]{36})\\?token=([A-Za-z0-9_%-]+)");

  private final HttpClient http;
  private final DayContext day;
  private final CustomerSide customers;
  private final String marker;
  private final Thread poller;
  private final List<JsonNode> unmatched = new ArrayList<>();
  private volatile boolean running = true;
  private volatile String failure;
  private int next;
  private int read;

  MailWatch(HttpClient http, DayContext day, CustomerSide customers) {
    this.http = http;
    this.day = day;
    this.customers = customers;
    this.marker = ("sim-" + day.run() + "-c").toLowerCase(Locale.ROOT);
    this.next = listing(Integer.MAX_VALUE).path("next").asInt(0);
    this.poller = Thread.ofPlatform().name("sim-mail").daemon().start(this::pollAll);
  }

  /** Messages to this run's customers read so far. */
  int read() {
    return read;
  }

  String failure() {
    return failure;
  }

  private void pollAll() {
    while (running) {
      try {
        JsonNode listing = listing(next);
        List<JsonNode> messages = new ArrayList<>(unmatched);
        unmatched.clear();
        listing.path("messages").forEach(messages::add);
        for (JsonNode message : messages) {
          if (!take(message)) {
            unmatched.add(message);
          }
        }
        next = Math.max(next, listing.path("next").asInt(next));
      } catch (RuntimeException e) {
        failure = e.toString();
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Takes one listed message; false for a message to this run's customers whose ticket the
   * simulator does not know yet (mail can arrive before the channel's 202 reached the simulator),
   * which the next poll tries again.
   */
  private boolean take(JsonNode message) {
    String recipient = null;
    for (JsonNode to : message.path("recipients")) {
      if (to.asText().toLowerCase(Locale.ROOT).contains(marker)) {
        recipient = to.asText();
      }
    }
    Matcher ticket = TICKET.matcher(message.path("subject").asText(""));
    if (recipient == null || !ticket.find()) {
      return true;
    }
    Case c = find(ticket.group(1));
    if (c == null) {
      return false;
    }
    read++;
    Instant receivedAt = Instant.ofEpochMilli(message.path("receivedAt").asLong());
    String text = body(message.path("number").asInt());
    Matcher link = CSAT.matcher(text);
    if (link.find()) {
      synchronized (c) {
        c.csatMailAt = receivedAt;
        c.csatToken =
            java.net.URLDecoder.decode(link.group(2), java.nio.charset.StandardCharsets.UTF_8);
      }
      customers.ratingRequested(c, c.csatToken);
      return true;
    }
    boolean acknowledgement;
    synchronized (c) {
      acknowledgement =
          c.ackMailAt == null && (c.resolvedAt == null || receivedAt.isBefore(c.resolvedAt));
      if (acknowledgement) {
        c.ackMailAt = receivedAt;
        c.ackMailText = text;
        c.ackMailId = message.path("messageId").asText(null);
      }
    }
    if (acknowledgement) {
      customers.acknowledgementMailed(c, c.ackMailId, message.path("subject").asText(""));
    }
    return true;
  }

  private Case find(String ticket) {
    for (Case c : day.truth().cases()) {
      if (ticket.equals(c.ticket)) {
        return c;
      }
    }
    return null;
  }

  private JsonNode listing(int since) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(day.options().mailUrl() + "/messages.json?since=" + since))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("mail listing answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "the mail server's " + day.options().mailUrl() + "/messages.json does not answer: " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The message's text as a customer reads it, whatever its MIME structure. */
  private String body(int number) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(day.options().mailUrl() + "/messages/" + number + ".eml"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return "";
      }
      MimeMessage mail =
          new MimeMessage(
              Session.getInstance(new Properties()), new ByteArrayInputStream(response.body()));
      return text(mail.getContent());
    } catch (IOException | MessagingException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart parts) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        all.append(text(part.getContent())).append('\n');
      }
      return all.toString();
    }
    return "";
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
    try {
      poller.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
