package io.switchboard.ingest.channel.webform;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.testing.SwitchboardTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to acknowledge, a channel hears 503 and Retry-After, never 202. */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

  public static class NoBroker implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(
              SwitchboardTestResource.class,
              Map.of(SwitchboardTestResource.KAFKA, SwitchboardTestResource.UNREACHABLE)));
    }
  }

  @Test
  void answers503WithRetryAfterWhenTheBrokerCannotAcknowledge() {
    WebFormIntakeTest.post(WebFormIntakeTest.form("down@example.com", "Is anyone there?"), "k-down")
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"))
        .body("status", equalTo(503));
  }
}
