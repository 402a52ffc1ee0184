package io.switchboard.ingest.limits;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} requests a second on average, bursts up to {@code burst}.
 * Thread-safe; pure apart from the clock it is given.
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  public TokenBucket(int perSecond, int burst, LongSupplier nanoClock) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.last = nanoClock.getAsLong();
  }

  /**
   * @return 0 when the request may pass, otherwise the whole seconds to wait before retrying
   */
  public synchronized long tryAcquire() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
  }
}
