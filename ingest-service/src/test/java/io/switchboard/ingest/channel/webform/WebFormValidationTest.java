package io.switchboard.ingest.channel.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ingest.problem.FieldError;
import org.junit.jupiter.api.Test;

class WebFormValidationTest {

  private static WebFormRequest form(String email, String phone, String text) {
    return new WebFormRequest(null, "Anna", email, phone, "Subject", text, null);
  }

  @Test
  void aFormWithAWayToAnswerAndATextIsValid() {
    assertThat(WebFormValidation.validate(form("anna@example.com", null, "Hello"), "RU")).isEmpty();
    assertThat(WebFormValidation.validate(form(null, "+79161234567", "Hello"), "RU")).isEmpty();
  }

  @Test
  void noWayToReachTheCustomerIsRefused() {
    assertThat(WebFormValidation.validate(form(" ", null, "Hello"), "RU"))
        .extracting(FieldError::field)
        .containsExactly("email");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    var request = new WebFormRequest("FAX", "x".repeat(201), "not-mail", "12", null, "  ", null);
    assertThat(WebFormValidation.validate(request, "RU"))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("channel", "text", "email", "phone", "name");
  }
}
