package io.switchboard.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.Channel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A steady, open-loop stream of new inquiries over HTTP through five channels, posted the way each
 * channel's sender does (ingest-service's local development keys and secrets). An inquiry counts as
 * accepted only when ingest answered 202; a 503, 5xx, 429, timeout or refused connection is retried
 * later with the very same request (same idempotency key, Message-ID, chat message id, call id or
 * Telegram update), as a real sender would, until a 202 comes.
 *
 * <p>Every submission belongs to the window (fault) that was open when it was first posted, even
 * when its 202 comes later.
 */
final class InquiryStream implements AutoCloseable {
  private static final Channel[] ROTATION = {
    Channel.WEB_FORM, Channel.EMAIL, Channel.CHAT, Channel.TELEGRAM, Channel.PHONE
  };
  // A patient sender: an impatient one that gives up and retries makes a slow ingest slower still.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  // Senders are many, but each waits for its answer: a backlog of retries after an outage flows
  // back at this concurrency instead of all at once.
  private static final int IN_FLIGHT = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An inquiry ingest accepted. */
  record Accepted(String inquiryId, String ticket, Channel channel, String window, int attempts) {}

  /** A request that is not settled yet, kept byte for byte for its retries. */
  private static final class Submission {
    final long seq;
    final Channel channel;
    final String window;
    final HttpRequest request;
    int attempts;
    volatile String lastProblem = "";

    Submission(long seq, Channel channel, String window, HttpRequest request) {
      this.seq = seq;
      this.channel = channel;
      this.window = window;
      this.request = request;
    }
  }

  private final String ingest;
  private final String run;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final BlockingQueue<Submission> ready = new LinkedBlockingQueue<>();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Thread dispatcher;
  private final AtomicLong sequence = new AtomicLong();
  private final Set<Submission> pending = ConcurrentHashMap.newKeySet();
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private final Map<String, Map<String, Integer>> refusals = new ConcurrentHashMap<>();
  private volatile String window = "startup";
  private volatile boolean running;

  InquiryStream(String ingestUrl, String run) {
    this.ingest = ingestUrl;
    this.run = run;
    this.dispatcher = Thread.ofPlatform().daemon().name("inquiry-stream").start(this::dispatch);
  }

  /** Posts {@code perSecond} new inquiries a second, whatever the answers (open loop). */
  void start(double perSecond) {
    running = true;
    long period = (long) (1_000_000 / perSecond);
    scheduler.scheduleAtFixedRate(this::submitNext, 0, period, TimeUnit.MICROSECONDS);
  }

  /** New submissions belong to {@code label} from now on. */
  void window(String label) {
    window = label;
  }

  List<Accepted> accepted(String label) {
    return accepted.stream().filter(a -> a.window().equals(label)).toList();
  }

  List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  /** Submissions without a 202 yet. */
  long unsettled() {
    return pending.size();
  }

  /** Submissions of the window without a 202 yet. */
  long unsettled(String label) {
    return pending.stream().filter(s -> s.window.equals(label)).count();
  }

  /** A few of the unsettled submissions of the window (any when null), with their last answer. */
  List<String> unsettledExamples(String label) {
    return pending.stream()
        .filter(s -> label == null || s.window.equals(label))
        .limit(5)
        .map(s -> s.channel + " #" + s.seq + " after " + s.attempts + " attempts: " + s.lastProblem)
        .toList();
  }

  /** Answers that ingest must not give to these requests (4xx other than 429): never retried. */
  List<String> rejected() {
    return List.copyOf(rejected);
  }

  /** The answers that made the window's submissions wait, e.g. {@code HTTP 503: 42}. */
  Map<String, Integer> refusals(String label) {
    return Map.copyOf(refusals.getOrDefault(label, Map.of()));
  }

  private void submitNext() {
    if (!running) {
      return;
    }
    long seq = sequence.incrementAndGet();
    Channel channel = ROTATION[(int) (seq % ROTATION.length)];
    Submission submission = new Submission(seq, channel, window, request(channel, seq));
    pending.add(submission);
    ready.add(submission);
  }

  private void dispatch() {
    try {
      while (true) {
        Submission submission = ready.take();
        inFlight.acquire();
        synchronized (submission) {
          submission.attempts++;
        }
        client
            .sendAsync(submission.request, HttpResponse.BodyHandlers.ofString())
            .whenComplete(
                (response, failure) -> {
                  inFlight.release();
                  answered(submission, response, failure);
                });
      }
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
    }
  }

  private void answered(Submission submission, HttpResponse<String> response, Throwable failure) {
    if (failure != null) {
      retry(submission, describe(failure), Duration.ofSeconds(1));
      return;
    }
    int status = response.statusCode();
    if (status == 202) {
      try {
        JsonNode body = JSON.readTree(response.body());
        accepted.add(
            new Accepted(
                body.get("inquiryId").asText(),
                body.get("ticket").asText(),
                submission.channel,
                submission.window,
                submission.attempts));
        pending.remove(submission);
      } catch (IOException | NullPointerException e) {
        reject(submission, "202 with an unreadable body: " + response.body());
      }
    } else if (status == 429 || status >= 500) {
      retry(submission, "HTTP " + status, retryAfter(response));
    } else {
      reject(submission, "HTTP " + status + ": " + response.body());
    }
  }

  private void retry(Submission submission, String problem, Duration delay) {
    submission.lastProblem = problem;
    refusals
        .computeIfAbsent(submission.window, w -> new ConcurrentHashMap<>())
        .merge(problem, 1, Integer::sum);
    if (scheduler.isShutdown()) {
      return;
    }
    scheduler.schedule(() -> ready.add(submission), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void reject(Submission submission, String problem) {
    pending.remove(submission);
    rejected.add(
        submission.window + ": " + submission.channel + " #" + submission.seq + " " + problem);
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    long seconds =
        response
            .headers()
            .firstValue("Retry-After")
            .map(
                value -> {
                  try {
                    return Long.parseLong(value.strip());
                  } catch (NumberFormatException e) {
                    return 1L;
                  }
                })
            .orElse(1L);
    return Duration.ofSeconds(Math.clamp(seconds, 1, 5));
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    return cause.getClass().getSimpleName();
  }

  private HttpRequest request(Channel channel, long seq) {
    String id = run + "-" + seq;
    return switch (channel) {
      case WEB_FORM -> webForm(id);
      case EMAIL -> email(id);
      case CHAT -> chat(id);
      case TELEGRAM -> telegram(seq, id);
      case PHONE -> missedCall(seq, id);
    };
  }

  private HttpRequest webForm(String id) {
    String body =
        """
        {"name": "Анна Петрова", "email": "fs-web-%s@example.com", "subject": "Не работает оплата",
         "text": "Списали деньги, а заказ %s не оформлен"}
        """
            .formatted(id, id);
    return post(
        "/inquiries",
        body.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Content-Type", "application/json",
            "X-Api-Key", "local-dev-web-form-key",
            "Idempotency-Key", "fs-" + id));
  }

  private HttpRequest email(String id) {
    String message =
        """
        From: Ivan Sidorov <fs-mail-%s@example.com>
        To: support@switchboard.local
        Subject: Order %s has not arrived
        Date: %s
        Message-ID: <fs-%s@mail.example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Hello, my order %s has not arrived yet. Where is it?
        """
            .formatted(
                id, id, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()), id, id)
            .replace("\n", "\r\n");
    return post(
        "/channels/email",
        message.getBytes(StandardCharsets.UTF_8),
        Map.of("Content-Type", "message/rfc822", "X-Api-Key", "local-dev-email-key"));
  }

  private HttpRequest chat(String id) {
    String body =
        """
        {"sessionId": "s-fs-%s", "messageId": "m-1", "author": "visitor",
         "visitor": {"name": "Олег", "email": "fs-chat-%s@example.com"},
         "text": "Здравствуйте, не проходит оплата"}
        """
            .formatted(id, id);
    return signed("/channels/chat", "local-dev-chat-secret", body);
  }

  private HttpRequest telegram(long seq, String id) {
    // Unique per inquiry: a known Telegram chat would continue an earlier inquiry instead.
    long user = 500_000_000L + seq;
    String body =
        """
        {"update_id": %d, "message": {"message_id": %d,
          "from": {"id": %d, "is_bot": false, "first_name": "Дмитрий", "language_code": "ru"},
          "chat": {"id": %d, "type": "private"}, "date": %d,
          "text": "Добрый день! Курьер не привёз заказ %s"}}
        """
            .formatted(seq, seq, user, user, System.currentTimeMillis() / 1000, id);
    return post(
        "/channels/telegram",
        body.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Content-Type", "application/json",
            "X-Telegram-Bot-Api-Secret-Token", "local-dev-telegram-secret"));
  }

  private HttpRequest missedCall(long seq, String id) {
    // A caller seen before would continue that caller's inquiry: one number per call.
    String body =
        """
        {"callId": "fs-%s", "event": "missed", "caller": "+7 916 %07d",
         "called": "+7 495 123-45-67", "waitSeconds": 23}
        """
            .formatted(id, 1_000_000 + seq);
    return signed("/channels/phone", "local-dev-pbx-secret", body);
  }

  private HttpRequest signed(String path, String secret, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return post(
        path,
        bytes,
        Map.of("Content-Type", "application/json", "X-Signature", "sha256=" + hmac(secret, bytes)));
  }

  private HttpRequest post(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(ingest + path))
            .timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    new LinkedHashMap<>(headers).forEach(builder::header);
    return builder.build();
  }

  private static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops posting new inquiries; unsettled ones keep being retried. */
  void stopNew() {
    running = false;
  }

  @Override
  public void close() {
    running = false;
    scheduler.shutdownNow();
    dispatcher.interrupt();
  }
}
