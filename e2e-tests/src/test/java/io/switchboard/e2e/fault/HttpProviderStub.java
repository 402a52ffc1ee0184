package io.switchboard.e2e.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the three HTTP providers notification-service calls: the site chat's webhook, the
 * Telegram Bot API's {@code sendMessage} and the SMS gateway. Keeps every request it answered 200
 * (with its {@code Idempotency-Key}, the notification id) and, while "down", answers 503 as a
 * provider in an outage does.
 */
final class HttpProviderStub implements AutoCloseable {
  static final String TELEGRAM_TOKEN = "fault-suite-bot";
  static final String SMS_API_KEY = "fault-suite-sms-key";

  private final HttpServer server;
  private final List<ProviderMessage> delivered = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private volatile boolean down;

  HttpProviderStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/chat", exchange -> handle("chat", exchange));
    server.createContext(
        "/telegram/bot" + TELEGRAM_TOKEN + "/sendMessage",
        exchange -> handle("telegram", exchange));
    server.createContext("/sms", exchange -> handle("sms", exchange));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void down() {
    down = true;
  }

  void up() {
    down = false;
  }

  List<ProviderMessage> delivered() {
    return List.copyOf(delivered);
  }

  /** Requests answered 503 while down. */
  int refused() {
    return refused.get();
  }

  /** Requests without an Idempotency-Key or with a wrong method or bearer key: a contract break. */
  int malformed() {
    return malformed.get();
  }

  private void handle(String provider, HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (down) {
        refused.incrementAndGet();
        respond(exchange, 503, "{\"error\": \"provider outage (fault suite)\"}");
        return;
      }
      boolean authorised =
          !"sms".equals(provider)
              || ("Bearer " + SMS_API_KEY)
                  .equals(exchange.getRequestHeaders().getFirst("Authorization"));
      if (key == null || !"POST".equals(exchange.getRequestMethod()) || !authorised) {
        malformed.incrementAndGet();
        respond(exchange, 400, "{\"error\": \"bad request\"}");
        return;
      }
      delivered.add(new ProviderMessage(provider, key, ProviderMessage.ticketIn(body)));
      respond(exchange, 200, "{\"ok\": true}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
