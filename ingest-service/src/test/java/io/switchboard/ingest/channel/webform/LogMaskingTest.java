package io.switchboard.ingest.channel.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Personal data stays out of the logs: every line an accepted inquiry writes is read back. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class LogMaskingTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Test
  void neitherTheEmailNorThePhoneAppearsInAnyLogLine() {
    String email = "masked." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Capture(lines);
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      String inquiryId =
          WebFormIntakeTest.post(WebFormIntakeTest.form(email, "Проверка маскирования"), null)
              .statusCode(202)
              .extract()
              .path("inquiryId");
      kafka.awaitEvent(InquiryReceived.class, e -> e.inquiryId().equals(inquiryId));
    } finally {
      root.removeHandler(capture);
    }

    assertThat(lines).as("log lines written while the inquiry was taken").isNotEmpty();
    assertThat(lines).noneMatch(line -> line.contains(email));
    assertThat(lines).noneMatch(line -> line.contains("9161234567"));
    assertThat(lines).anyMatch(line -> line.contains("m***@example.com"));
  }

  private static final class Capture extends Handler {
    private final List<String> lines;

    Capture(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public void publish(LogRecord record) {
      lines.add(
          record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
