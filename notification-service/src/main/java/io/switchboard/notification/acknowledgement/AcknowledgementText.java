package io.switchboard.notification.acknowledgement;

import io.switchboard.contracts.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The acknowledgement a customer receives: pure, no I/O. Russian for inquiries written in Russian,
 * English for everything else.
 *
 * @param subject carries the ticket so that the customer's reply threads back to the inquiry
 */
public record AcknowledgementText(String subject, String body) {
  private static final DateTimeFormatter ENGLISH_TIME =
      DateTimeFormatter.ofPattern("HH:mm z 'on' d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter RUSSIAN_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'г.,' HH:mm z", Locale.forLanguageTag("ru"));

  /**
   * @param language ISO 639-1 code or language tag of the inquiry; anything but Russian is English
   * @param promisedBy when we expect to reply, shown in {@code zone} and naming it: the customer's
   *     own zone is unknown, so the time must never look local when it is not
   */
  public static AcknowledgementText write(
      String customerName,
      String ticket,
      Channel channel,
      String language,
      Instant promisedBy,
      ZoneId zone) {
    String name = customerName == null ? "" : customerName.strip();
    ZonedDateTime expected = promisedBy.atZone(zone);
    return isRussian(language)
        ? russian(name, ticket, channel, RUSSIAN_TIME.format(expected))
        : english(name, ticket, channel, ENGLISH_TIME.format(expected));
  }

  private static boolean isRussian(String language) {
    return language != null
        && "ru".equals(Locale.forLanguageTag(language.strip().replace('_', '-')).getLanguage());
  }

  private static AcknowledgementText english(
      String name, String ticket, Channel channel, String expected) {
    String greeting = name.isEmpty() ? "Hello," : "Hello " + name + ",";
    String thanks =
        switch (channel) {
          case EMAIL -> "Thank you for your e-mail.";
          case WEB_FORM -> "Thank you for writing to us through the form on our website.";
          case CHAT -> "Thank you for writing to us in the chat.";
          case PHONE -> "Thank you for calling us.";
          case TELEGRAM -> "Thank you for writing to us on Telegram.";
        };
    String body =
        """
        %s

        %s Your inquiry has been registered under number %s.

        We expect to reply by %s.

        If you write to us about this inquiry again, please keep %s in the subject.

        This message was sent automatically.
        Switchboard Support
        """
            .formatted(greeting, thanks, ticket, expected, ticket);
    return new AcknowledgementText("[" + ticket + "] We received your inquiry", body);
  }

  private static AcknowledgementText russian(
      String name, String ticket, Channel channel, String expected) {
    String greeting = name.isEmpty() ? "Здравствуйте!" : "Здравствуйте, " + name + "!";
    String thanks =
        switch (channel) {
          case EMAIL -> "Спасибо за ваше письмо.";
          case WEB_FORM -> "Спасибо, что написали нам через форму на сайте.";
          case CHAT -> "Спасибо, что написали нам в чат.";
          case PHONE -> "Спасибо за ваш звонок.";
          case TELEGRAM -> "Спасибо, что написали нам в Telegram.";
        };
    String body =
        """
        %s

        %s Ваше обращение зарегистрировано под номером %s.

        Мы рассчитываем ответить до %s.

        Если будете писать нам по этому обращению, пожалуйста, сохраните номер %s в теме письма.

        Это письмо отправлено автоматически.
        Служба поддержки Switchboard
        """
            .formatted(greeting, thanks, ticket, expected, ticket);
    return new AcknowledgementText("[" + ticket + "] Мы получили ваше обращение", body);
  }
}
