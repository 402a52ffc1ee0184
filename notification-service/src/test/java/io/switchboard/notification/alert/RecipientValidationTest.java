package io.switchboard.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.notification.problem.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientValidationTest {
  @Test
  void eachMediumHasItsAddress() {
    assertThat(valid("EMAIL", "op@example.com")).isEmpty();
    assertThat(valid("slack", "https://hooks.slack.com/services/T/B/X")).isEmpty();
    assertThat(valid("TELEGRAM", "-100123")).isEmpty();
    assertThat(valid("EMAIL", "not-an-address"))
        .extracting(FieldError::field)
        .containsExactly("address");
    assertThat(valid("SLACK", "ftp://x")).extracting(FieldError::field).containsExactly("address");
    assertThat(valid("SMS", "+79161234567"))
        .extracting(FieldError::field)
        .containsExactly("medium");
  }

  @Test
  void workingHoursMustMakeSense() {
    var request =
        new RecipientRequest(
            "Op",
            "EMAIL",
            "op@example.com",
            null,
            "Mars/Olympus",
            List.of("FUNDAY"),
            "18:00",
            "09:00");

    assertThat(RecipientValidation.validate(request))
        .extracting(FieldError::field)
        .containsExactly("timeZone", "workDays", "workEnd");
  }

  private static List<FieldError> valid(String medium, String address) {
    return RecipientValidation.validate(
        new RecipientRequest(null, medium, address, null, null, null, null, null));
  }
}
