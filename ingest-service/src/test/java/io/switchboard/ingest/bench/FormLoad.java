package io.switchboard.ingest.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed loop of keep-alive connections on one Vert.x event loop: each connection sends its next
 * request when the previous answer arrived. One thread and non-blocking I/O, so that on a small
 * machine the load generator takes as little of the cores as it can from the service it measures.
 */
final class FormLoad implements AutoCloseable {
  record Result(long ok, long failed, long[] latenciesNanos) {}

  private final Vertx vertx;
  private final HttpClient http;
  private final URI base;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

  FormLoad(URI base, int connections) {
    this.base = base;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setPipelining(false),
            new PoolOptions().setHttp1MaxSize(connections));
  }

  /**
   * @param request the headers and body of request number {@code i}
   */
  Result run(int connections, int seconds, LongFunction<FormRequest> request)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Loop[] loops = new Loop[connections];
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      loops[c] = new Loop(deadline, request, done);
      Loop loop = loops[c];
      vertx.runOnContext(ignored -> loop.next());
    }
    if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests still unanswered a minute after the run");
    }
    long ok = 0;
    long failed = 0;
    long[] latencies = new long[0];
    for (Loop loop : loops) {
      ok += loop.ok;
      failed += loop.failed;
      int at = latencies.length;
      latencies = Arrays.copyOf(latencies, at + loop.count);
      System.arraycopy(loop.latencies, 0, latencies, at, loop.count);
    }
    return new Result(ok, failed, latencies);
  }

  /** What one request carries. */
  record FormRequest(String apiKey, String idempotencyKey, String body) {}

  private final class Loop {
    final long deadline;
    final LongFunction<FormRequest> request;
    final CountDownLatch done;
    long ok;
    long failed;
    long[] latencies = new long[1024];
    int count;

    Loop(long deadline, LongFunction<FormRequest> request, CountDownLatch done) {
      this.deadline = deadline;
      this.request = request;
      this.done = done;
    }

    void next() {
      if (System.nanoTime() >= deadline) {
        done.countDown();
        return;
      }
      FormRequest form = request.apply(sequence.incrementAndGet());
      RequestOptions options =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setHost(base.getHost())
              .setPort(base.getPort())
              .setURI("/inquiries")
              .putHeader("Content-Type", "application/json")
              .putHeader("X-Api-Key", form.apiKey());
      if (form.idempotencyKey() != null) {
        options.putHeader("Idempotency-Key", form.idempotencyKey());
      }
      long start = System.nanoTime();
      http.request(options)
          .compose(sent -> sent.send(Buffer.buffer(form.body())))
          .compose(response -> response.body().map(ignored -> response.statusCode()))
          .onComplete(
              answered -> {
                long elapsed = System.nanoTime() - start;
                if (answered.succeeded() && answered.result() == 202) {
                  ok++;
                  if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                  }
                  latencies[count++] = elapsed;
                } else {
                  failed++;
                }
                next();
              });
    }
  }

  @Override
  public void close() {
    http.close();
    vertx.close();
  }
}
