package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyScalingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void targetsAndCapsAreDividedAndBusinessCalendarsBecomeCalendarTime() throws Exception {
    JsonNode policy =
        JSON.readTree(
            """
            {"rules":[
              {"name":"chat","clock":"FIRST_RESPONSE","channels":["CHAT"],"target":"PT2M"},
              {"name":"first","clock":"FIRST_RESPONSE","target":"PT1H","calendar":"office","cap":"PT24H"},
              {"name":"night","clock":"RESOLUTION","target":"PT16H","calendar":"24/7"}],
             "calendars":["office","24/7"]}
            """);
    List<PolicyScaling.Change> changes = new ArrayList<>();

    JsonNode scaled = PolicyScaling.scaled(policy, 60, changes);

    assertThat(scaled.path("rules")).hasSize(3);
    assertThat(scaled.path("calendars").isMissingNode()).isTrue();
    JsonNode chat = scaled.path("rules").get(0);
    JsonNode first = scaled.path("rules").get(1);
    assertThat(chat.path("target").asText()).isEqualTo("PT2S");
    assertThat(chat.path("channels").get(0).asText()).isEqualTo("CHAT");
    assertThat(first.path("target").asText()).isEqualTo("PT1M");
    assertThat(first.path("cap").asText()).isEqualTo("PT24M");
    assertThat(first.has("calendar")).isFalse();
    assertThat(scaled.path("rules").get(2).path("calendar").asText()).isEqualTo("24/7");
    assertThat(changes)
        .extracting(PolicyScaling.Change::during)
        .containsExactly(
            "2 s", "1 min, cap 24 min, calendar time (was business time of 'office')", "16 min");
    assertThat(PolicyScaling.inForce(scaled, scaled)).isTrue();
    assertThat(PolicyScaling.inForce(policy, scaled)).isFalse();
  }

  @Test
  void aTargetNeverScalesBelowOneSecond() throws Exception {
    JsonNode policy =
        JSON.readTree(
            "{\"rules\":[{\"name\":\"r\",\"clock\":\"FIRST_RESPONSE\",\"target\":\"PT30S\"}]}");

    JsonNode scaled = PolicyScaling.scaled(policy, 600, new ArrayList<>());

    assertThat(scaled.path("rules").get(0).path("target").asText()).isEqualTo("PT1S");
  }
}
