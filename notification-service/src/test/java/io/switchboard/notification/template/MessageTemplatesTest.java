package io.switchboard.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contracts.Channel;
import io.switchboard.notification.template.MessageTemplates.Name;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
  private static final String TICKET = "SB-7K3QZ9XD2M4P";
  private final MessageTemplates builtIn = MessageTemplates.load(MessageTemplatesTest::builtIn);

  @Test
  void englishMailNamesTheCustomerTheTicketAndTheExpectedTime() {
    var text =
        builtIn.render(
            Name.ACKNOWLEDGEMENT,
            Language.EN,
            ack("Anna Petrova", TICKET, Channel.WEB_FORM, "by 10:00 tomorrow, Monday", false));

    assertThat(text.subject()).isEqualTo("[SB-7K3QZ9XD2M4P] We received your inquiry");
    assertThat(text.body())
        .startsWith("Hello Anna Petrova,\n\n")
        .contains(
            "through the form on our website. Your inquiry is registered under number SB-7K3QZ9XD2M4P.")
        .contains("We expect to reply by 10:00 tomorrow, Monday.")
        .doesNotContain("off work")
        .doesNotContain("{");
  }

  @Test
  void russianMailInItsOffHoursVariant() {
    var text =
        builtIn.render(
            Name.ACKNOWLEDGEMENT,
            Language.RU,
            ack("Анна Петрова", TICKET, Channel.EMAIL, "до 10:00 завтра, в понедельник", true));

    assertThat(text.subject()).isEqualTo("[SB-7K3QZ9XD2M4P] Мы получили ваше обращение");
    assertThat(text.body())
        .startsWith("Здравствуйте, Анна Петрова!\n\nСпасибо за ваше письмо.")
        .contains(
            "Сейчас нерабочее время. Мы ответим до 10:00 завтра, в понедельник, как только вернёмся.")
        .doesNotContain("рассчитываем");
  }

  @Test
  void shortTextsForMessengersAndSms() {
    assertThat(
            builtIn
                .render(
                    Name.ACKNOWLEDGEMENT_SHORT,
                    Language.RU,
                    ack(null, TICKET, Channel.PHONE, "до 12:00 сегодня", false))
                .body())
        .isEqualTo(
            "Здравствуйте! Мы получили ваше обращение SB-7K3QZ9XD2M4P. Мы рассчитываем ответить до 12:00 сегодня.");
    var english =
        builtIn.render(
            Name.ACKNOWLEDGEMENT_SHORT,
            Language.EN,
            ack("Bob", TICKET, Channel.TELEGRAM, "by 12:00 today", true));
    assertThat(english.subject()).isNull();
    assertThat(english.body())
        .isEqualTo(
            "Hello Bob! We received your inquiry SB-7K3QZ9XD2M4P. We are off work now and will reply by 12:00 today.");
  }

  @Test
  void withoutADueTimeNoTimeIsPromisedInEitherLanguage() {
    var russian =
        builtIn.render(
            Name.ACKNOWLEDGEMENT, Language.RU, ack("Анна", TICKET, Channel.EMAIL, "", false));
    var english =
        builtIn.render(
            Name.ACKNOWLEDGEMENT_SHORT, Language.EN, ack("Bob", TICKET, Channel.PHONE, "", false));

    assertThat(russian.body())
        .contains("Мы ответим как можно скорее.")
        .doesNotContain("рассчитываем")
        .doesNotContain("нерабочее")
        .doesNotContain(" до ");
    assertThat(english.body())
        .isEqualTo(
            "Hello Bob! We received your inquiry SB-7K3QZ9XD2M4P. We will answer as soon as we can.");
  }

  @Test
  void issue13TheTuesdayMorningFormIsToldTheInHoursWordingAndAMoscowTime() {
    // A web form on Tuesday at 11:19 Moscow time: sla-service's office calendar is open, the due
    // time is 12:19 in its zone, and the text names that zone.
    Instant received = Instant.parse("2026-11-24T08:19:00Z");
    String expected =
        ExpectedTime.phrase(
            received, received.plusSeconds(3600), ZoneId.of("Europe/Moscow"), Language.RU);

    var text =
        builtIn.render(
            Name.ACKNOWLEDGEMENT,
            Language.RU,
            ack("Анна", TICKET, Channel.WEB_FORM, expected, false));

    assertThat(text.body())
        .contains("Мы рассчитываем ответить до 12:19 сегодня (МСК).")
        .doesNotContain("нерабочее");
  }

  @Test
  void anOverrideReplacesTheBuiltInText() {
    var templates =
        MessageTemplates.load(
            MessageTemplates.overriding(
                file ->
                    file.equals("acknowledgement-short.en.txt")
                        ? Optional.of("Hi {name}, ticket {ticket}, answer {expected}.")
                        : Optional.empty(),
                MessageTemplatesTest::builtIn));

    assertThat(
            templates
                .render(
                    Name.ACKNOWLEDGEMENT_SHORT,
                    Language.EN,
                    ack("Bob", TICKET, Channel.CHAT, "soon", false))
                .body())
        .isEqualTo("Hi Bob, ticket SB-7K3QZ9XD2M4P, answer soon.");
  }

  @Test
  void aPlaceholderTheDataLacksFailsTheLoad() {
    Function<String, String> misspelt =
        override(
            Map.of(
                "acknowledgement.ru.txt", "[{ticket}] Тема\nЗдравствуйте, {custmer}! {expected}"));

    assertThatThrownBy(() -> MessageTemplates.load(misspelt))
        .isInstanceOf(MessageTemplates.InvalidTemplate.class)
        .hasMessageContaining("acknowledgement.ru.txt")
        .hasMessageContaining("custmer");
  }

  @Test
  void aPlaceholderInARarelyTakenBranchIsCaughtToo() {
    Function<String, String> broken =
        override(
            Map.of(
                "acknowledgement-short.en.txt",
                "{ticket} {expected}{#if offHours} back {returnTime}{/if}"));

    assertThatThrownBy(() -> MessageTemplates.load(broken))
        .isInstanceOf(MessageTemplates.InvalidTemplate.class)
        .hasMessageContaining("returnTime");
  }

  @Test
  void aTemplateWithoutTheTicketFailsTheLoad() {
    Function<String, String> noTicket =
        override(Map.of("acknowledgement-short.ru.txt", "Спасибо! Ответим {expected}."));

    assertThatThrownBy(() -> MessageTemplates.load(noTicket))
        .isInstanceOf(MessageTemplates.InvalidTemplate.class)
        .hasMessageContaining("acknowledgement-short.ru.txt")
        .hasMessageContaining("{ticket}");
  }

  private static Map<String, Object> ack(
      String name, String ticket, Channel channel, String expected, boolean offHours) {
    Map<String, Object> data = new HashMap<>();
    data.put("name", name == null ? "" : name);
    data.put("ticket", ticket);
    data.put("channel", channel.name());
    data.put("expected", expected);
    data.put("offHours", offHours);
    return data;
  }

  private static Function<String, String> override(Map<String, String> files) {
    return MessageTemplates.overriding(
        file -> Optional.ofNullable(files.get(file)), MessageTemplatesTest::builtIn);
  }

  private static String builtIn(String file) {
    try (InputStream in =
        MessageTemplatesTest.class.getResourceAsStream("/notification-templates/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
