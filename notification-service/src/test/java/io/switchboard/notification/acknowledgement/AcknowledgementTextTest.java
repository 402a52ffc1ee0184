package io.switchboard.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AcknowledgementTextTest {
  private static final String TICKET = "SB-7K3QZ9XD2M4P";
  private static final Instant PROMISED_BY = Instant.parse("2026-11-23T14:32:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void englishNamesTheCustomerTheTicketAndTheExpectedTime() {
    var text =
        AcknowledgementText.write("Anna Petrova", TICKET, Channel.WEB_FORM, "en", PROMISED_BY, UTC);

    assertThat(text.subject()).isEqualTo("[SB-7K3QZ9XD2M4P] We received your inquiry");
    assertThat(text.body())
        .startsWith("Hello Anna Petrova,")
        .contains("through the form on our website")
        .contains("registered under number SB-7K3QZ9XD2M4P")
        .contains("We expect to reply by 14:32 UTC on 23 November 2026.");
  }

  @Test
  void russianInquiriesAreAcknowledgedInRussian() {
    var text =
        AcknowledgementText.write("Анна Петрова", TICKET, Channel.EMAIL, "ru", PROMISED_BY, UTC);

    assertThat(text.subject()).isEqualTo("[SB-7K3QZ9XD2M4P] Мы получили ваше обращение");
    assertThat(text.body())
        .startsWith("Здравствуйте, Анна Петрова!")
        .contains("Спасибо за ваше письмо.")
        .contains("зарегистрировано под номером SB-7K3QZ9XD2M4P")
        .contains("Мы рассчитываем ответить до 23 ноября 2026 г., 14:32 UTC.");
  }

  @Test
  void regionalRussianTagIsRussianAndAnythingElseIsEnglish() {
    assertThat(subjectFor("ru-RU")).contains("Мы получили");
    assertThat(subjectFor(null)).contains("We received");
    assertThat(subjectFor("de")).contains("We received");
    assertThat(subjectFor("")).contains("We received");
  }

  @Test
  void expectedTimeIsShownInTheConfiguredZone() {
    var text =
        AcknowledgementText.write(
            "Anna", TICKET, Channel.CHAT, "en", PROMISED_BY, ZoneId.of("Europe/Moscow"));

    assertThat(text.body()).contains("17:32").doesNotContain("14:32");
  }

  @Test
  void aCustomerWithoutANameIsStillGreetedPolitely() {
    assertThat(AcknowledgementText.write(" ", TICKET, Channel.CHAT, "en", PROMISED_BY, UTC).body())
        .startsWith("Hello,\n");
    assertThat(
            AcknowledgementText.write(null, TICKET, Channel.PHONE, "ru", PROMISED_BY, UTC).body())
        .startsWith("Здравствуйте!\n");
  }

  private static String subjectFor(String language) {
    return AcknowledgementText.write("Anna", TICKET, Channel.EMAIL, language, PROMISED_BY, UTC)
        .subject();
  }
}
