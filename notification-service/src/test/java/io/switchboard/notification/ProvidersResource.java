package io.switchboard.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real local HTTP server standing in for Telegram, the chat provider and the SMS gateway. It
 * records every request, fails or stalls on demand, and honours {@code Idempotency-Key} the way a
 * good provider does: a key it has accepted before is answered 200 without a second delivery.
 */
public class ProvidersResource implements QuarkusTestResourceLifecycleManager {
  public static final String BOT_TOKEN = "123:test-token";
  public static final String SMS_KEY = "sms-test-key";

  /** One request as the provider saw it. */
  public record Request(String path, String idempotencyKey, String authorization, String body) {}

  /** What the next matching request gets instead of a quick 200. */
  public record Plan(int status, Duration delay) {}

  /**
   * Init argument: {@value #PRODUCTION_DELIVERY} keeps the service's own delivery timeout, backoff
   * and maximum age instead of the short ones the tests ride out outages with.
   */
  public static final String DELIVERY = "delivery";

  public static final String PRODUCTION_DELIVERY = "production";

  private static volatile ProvidersResource running;

  private final List<Request> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, String> delivered = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Map.Entry<Predicate<String>, Plan>> plans =
      new ConcurrentLinkedQueue<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService stalls = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpServer server;
  private String baseUrl;

  public static ProvidersResource providers() {
    if (running == null) {
      throw new IllegalStateException("ProvidersResource has not been started");
    }
    return running;
  }

  private boolean productionDelivery;

  @Override
  public void init(Map<String, String> initArgs) {
    productionDelivery = PRODUCTION_DELIVERY.equals(initArgs.get(DELIVERY));
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
    server.start();
    running = this;
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    baseUrl = base;
    Map<String, String> config = new java.util.HashMap<>();
    config.put("switchboard.notification.telegram.base-url", base + "/telegram");
    config.put("switchboard.notification.telegram.bot-token", BOT_TOKEN);
    config.put("switchboard.notification.chat.webhook-url", base + "/chat/messages");
    config.put("switchboard.notification.sms.gateway-url", base + "/sms/send");
    config.put("switchboard.notification.sms.api-key", SMS_KEY);
    config.put("switchboard.notification.alerts.duty-operator", "duty-1");
    if (!productionDelivery) {
      config.put("switchboard.notification.delivery.timeout", "1s");
      config.put("switchboard.notification.delivery.initial-backoff", "100ms");
      config.put("switchboard.notification.delivery.max-backoff", "300ms");
      // Long enough for an outage the tests ride out, short enough to watch a message expire.
      config.put("switchboard.notification.delivery.max-age", "10s");
    }
    return config;
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
    stalls.shutdownNow();
    handlers.shutdownNow();
    running = null;
  }

  /** The next {@code times} requests whose body contains {@code marker} get {@code plan}. */
  public void plan(String marker, int times, Plan plan) {
    for (int i = 0; i < times; i++) {
      plans.add(Map.entry(body -> body.contains(marker), plan));
    }
  }

  /**
   * While down, every request whose path starts with {@code pathPrefix} is answered 503 and
   * delivers nothing, as a provider in an outage does.
   */
  public void down(String pathPrefix, boolean isDown) {
    if (isDown) {
      down.add(pathPrefix);
    } else {
      down.remove(pathPrefix);
    }
  }

  /** As if an earlier attempt with this key had been delivered (by an instance that then died). */
  public void deliveredBefore(String idempotencyKey, String body) {
    delivered.putIfAbsent(idempotencyKey, body);
  }

  /** Where the stand-in listens, e.g. for a recipient's Slack webhook URL. */
  public String baseUrl() {
    return baseUrl;
  }

  public List<Request> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public List<Request> requestsContaining(String marker) {
    return requests.stream().filter(r -> r.body().contains(marker)).toList();
  }

  /**
   * Messages the provider delivered, one per idempotency key, whose body contains {@code marker}.
   */
  public List<String> deliveredContaining(String marker) {
    return delivered.values().stream().filter(body -> body.contains(marker)).toList();
  }

  public Set<String> deliveredKeys() {
    return delivered.keySet();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    requests.add(
        new Request(
            exchange.getRequestURI().getPath(),
            key,
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    String path = exchange.getRequestURI().getPath();
    Plan plan =
        down.stream().anyMatch(path::startsWith) ? new Plan(503, Duration.ZERO) : takePlan(body);
    if (plan == null || plan.status() / 100 == 2) {
      // Taken: a stalled answer is still a delivery, which is what makes a client timeout risky.
      delivered.putIfAbsent(key == null ? "no-key-" + requests.size() : key, body);
    }
    int status = plan == null ? 200 : plan.status();
    if (plan != null && !plan.delay().isZero()) {
      stalls.schedule(
          () -> respond(exchange, status), plan.delay().toMillis(), TimeUnit.MILLISECONDS);
    } else {
      respond(exchange, status);
    }
  }

  private Plan takePlan(String body) {
    for (var planned : plans) {
      if (planned.getKey().test(body) && plans.remove(planned)) {
        return planned.getValue();
      }
    }
    return null;
  }

  private static void respond(HttpExchange exchange, int status) {
    byte[] answer =
        (status / 100 == 2 ? "{\"ok\":true}" : "{\"ok\":false,\"description\":\"planned\"}")
            .getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    } catch (IOException e) {
      // The client gave up waiting; that is the point of a stall.
    } finally {
      exchange.close();
    }
  }
}
