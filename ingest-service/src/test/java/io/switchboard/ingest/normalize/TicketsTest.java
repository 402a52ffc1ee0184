package io.switchboard.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketsTest {

  @Test
  void ticketsAreCrockfordBase32WithoutAmbiguousLetters() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(Tickets.next(random)).matches("SB-[0-9A-HJKMNP-TV-Z]{12}");
    }
  }

  @Test
  void ticketsDoNotRepeat() {
    Random random = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      seen.add(Tickets.next(random));
    }
    assertThat(seen).hasSize(100_000);
  }
}
