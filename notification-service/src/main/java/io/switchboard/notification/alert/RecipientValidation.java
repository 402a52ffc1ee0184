package io.switchboard.notification.alert;

import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.notification.problem.Problem.FieldError;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What an alert recipient must satisfy: pure, no I/O. */
public final class RecipientValidation {
  private static final Set<DeliveryMedium> MEDIA =
      Set.of(DeliveryMedium.EMAIL, DeliveryMedium.SLACK, DeliveryMedium.TELEGRAM);

  private RecipientValidation() {}

  public static List<FieldError> validate(RecipientRequest request) {
    List<FieldError> errors = new ArrayList<>();
    DeliveryMedium medium = medium(request.medium());
    if (medium == null) {
      errors.add(new FieldError("medium", "must be one of EMAIL, SLACK, TELEGRAM"));
    } else if (!addressFits(medium, request.address())) {
      errors.add(new FieldError("address", addressRule(medium)));
    }
    if (request.timeZone() != null && !validZone(request.timeZone())) {
      errors.add(new FieldError("timeZone", "must be an IANA zone such as Europe/Moscow"));
    }
    if (request.workDays() != null
        && !request.workDays().stream().allMatch(RecipientValidation::validDay)) {
      errors.add(new FieldError("workDays", "must be day names such as MONDAY"));
    }
    LocalTime start = time(request.workStart(), errors, "workStart");
    LocalTime end = time(request.workEnd(), errors, "workEnd");
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("workEnd", "must be after workStart"));
    }
    return errors;
  }

  static DeliveryMedium medium(String value) {
    if (value == null) {
      return null;
    }
    try {
      DeliveryMedium medium =
          DeliveryMedium.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
      return MEDIA.contains(medium) ? medium : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean addressFits(DeliveryMedium medium, String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    return switch (medium) {
      case EMAIL -> address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
      case TELEGRAM -> address.matches("-?\\d+");
      case SLACK -> isHttpUrl(address);
      case SMS, CHAT -> false;
    };
  }

  private static String addressRule(DeliveryMedium medium) {
    return switch (medium) {
      case EMAIL -> "must be an e-mail address";
      case TELEGRAM -> "must be a Telegram chat id";
      case SLACK -> "must be an http(s) incoming webhook URL";
      case SMS, CHAT -> "unsupported";
    };
  }

  private static boolean isHttpUrl(String address) {
    try {
      URI uri = URI.create(address);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean validDay(String day) {
    try {
      DayOfWeek.valueOf(day.strip().toUpperCase(java.util.Locale.ROOT));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static LocalTime time(String value, List<FieldError> errors, String field) {
    if (value == null) {
      return null;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a time such as 09:00"));
      return null;
    }
  }
}
