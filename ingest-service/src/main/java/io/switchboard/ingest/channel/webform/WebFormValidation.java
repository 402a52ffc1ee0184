package io.switchboard.ingest.channel.webform;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.ingest.problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every reason a web form cannot become an inquiry: pure, no I/O. */
public final class WebFormValidation {
  static final int MAX_NAME = 200;
  static final int MAX_SUBJECT = 300;
  static final int MAX_KEY = 200;

  private WebFormValidation() {}

  public static List<FieldError> validate(WebFormRequest form, String defaultRegion) {
    return validate(form, WebFormNormalizer.customer(form, defaultRegion));
  }

  /**
   * @param contacts the form's contacts in their normal forms, as {@link
   *     WebFormNormalizer#customer} made them (null where the form's value is absent or invalid): a
   *     phone number is parsed once
   */
  public static List<FieldError> validate(WebFormRequest form, Customer contacts) {
    List<FieldError> errors = new ArrayList<>();
    if (form.channel() != null
        && Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(form.channel()))) {
      errors.add(
          new FieldError(
              "channel", "unknown channel; one of " + Arrays.toString(Channel.values())));
    }
    if (isBlank(form.text())) {
      errors.add(new FieldError("text", "must not be empty"));
    }
    boolean hasEmail = !isBlank(form.email());
    boolean hasPhone = !isBlank(form.phone());
    if (!hasEmail && !hasPhone) {
      errors.add(new FieldError("email", "an e-mail or a phone is needed to answer the customer"));
    }
    if (hasEmail && contacts.email() == null) {
      errors.add(new FieldError("email", "not a valid e-mail address"));
    }
    if (hasPhone && contacts.phone() == null) {
      errors.add(new FieldError("phone", "not a valid phone number, e.g. +79161234567"));
    }
    tooLong(errors, "name", form.name(), MAX_NAME);
    tooLong(errors, "subject", form.subject(), MAX_SUBJECT);
    tooLong(errors, "idempotencyKey", form.idempotencyKey(), MAX_KEY);
    return errors;
  }

  private static void tooLong(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "longer than " + max + " characters"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
