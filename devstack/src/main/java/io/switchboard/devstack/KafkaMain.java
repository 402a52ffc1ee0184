package io.switchboard.devstack;

import java.util.Arrays;

/**
 * Runs {@code kafka.Kafka} and exits when the owner process does, so that a broker never outlives
 * the test run or local stack that started it.
 */
public final class KafkaMain {
  private KafkaMain() {}

  public static void main(String[] args) throws Exception {
    long owner = Long.parseLong(args[0]);
    ProcessHandle.of(owner)
        .ifPresentOrElse(
            handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    kafka.Kafka.main(Arrays.copyOfRange(args, 1, args.length));
  }
}
