package io.switchboard.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void aBurstPassesThenTheRateHoldsUntilTokensRefill() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = new TokenBucket(2, 3, now::get);
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(1);

    now.addAndGet(500_000_000L);
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(1);
  }

  @Test
  void aSlowRateAsksForALongerWait() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = new TokenBucket(1, 1, now::get);
    assertThat(bucket.tryAcquire()).isZero();
    assertThat(bucket.tryAcquire()).isEqualTo(1);
    TokenBucket slow = new TokenBucket(0, 1, now::get);
    assertThat(slow.tryAcquire()).isZero();
    assertThat(slow.tryAcquire()).isPositive();
  }
}
