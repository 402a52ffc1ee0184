package io.switchboard.platform.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** A service producer pointed at a port where no broker listens: every send fails, and soon. */
public final class UnreachableBroker {
  private record Settings(Producer producer) implements KafkaSettings {}

  private record ProducerSettings(
      Duration linger, Duration deliveryTimeout, Duration requestTimeout, Duration maxBlock)
      implements KafkaSettings.Producer {}

  private UnreachableBroker() {}

  public static RecordPublisher publisher() {
    Settings settings =
        new Settings(
            new ProducerSettings(
                Duration.ofMillis(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofMillis(500)));
    return new RecordPublisher(
        settings, "127.0.0.1:" + closedPort(), new SimpleMeterRegistry(), "unreachable");
  }

  public static void close(RecordPublisher publisher) {
    publisher.close();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
