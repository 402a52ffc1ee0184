package io.switchboard.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.switchboard.contracts.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The customer-facing texts, one Qute template per message and language. Every template is rendered
 * with sample data in every variant when loaded, in strict mode: a misspelt or unknown placeholder,
 * or a template that leaves out the ticket, stops the service at start instead of leaving a blank
 * in a customer's inbox.
 */
public final class MessageTemplates {
  private static final boolean[] BOTH = {false, true};

  /**
   * The messages, each with the placeholders it must show. {@code mail} ones start with a subject
   * line, then a blank line, then the body.
   */
  public enum Name {
    ACKNOWLEDGEMENT("acknowledgement", true, "ticket", "expected"),
    ACKNOWLEDGEMENT_SHORT("acknowledgement-short", false, "ticket", "expected"),
    CHAT_FALLBACK("chat-fallback", false, "ticket", "messengerUrl"),
    RESOLUTION("resolution", true, "ticket"),
    RESOLUTION_SHORT("resolution-short", false, "ticket"),
    CSAT_REQUEST("csat-request", true, "link"),
    CSAT_REQUEST_SHORT("csat-request-short", false, "link");

    private final String file;
    private final boolean mail;
    private final List<String> required;

    Name(String file, boolean mail, String... required) {
      this.file = file;
      this.mail = mail;
      this.required = List.of(required);
    }

    public String fileName(Language language) {
      return file + "." + language.code() + ".txt";
    }

    /** This message for a medium: mail ones have a short variant for SMS, Telegram and chat. */
    public Name forMedium(boolean mailMedium) {
      return mailMedium || !mail ? this : valueOf(name() + "_SHORT");
    }

    // Every variant a caller can produce, each placeholder with a recognisable value. An
    // acknowledgement without sla-service's due time has an empty "expected" and is never
    // off-hours.
    private List<Map<String, Object>> samples() {
      List<Map<String, Object>> samples = new ArrayList<>();
      for (Channel channel : Channel.values()) {
        for (String expected : new String[] {"SAMPLE-expected", ""}) {
          for (boolean offHours : expected.isEmpty() ? new boolean[] {false} : BOTH) {
            for (String customer : new String[] {"", "Sample Name"}) {
              Map<String, Object> data = new HashMap<>();
              data.put("name", customer);
              data.put("ticket", "SAMPLE-ticket");
              data.put("channel", channel.name());
              data.put("expected", expected);
              data.put("offHours", offHours);
              data.put("messengerUrl", "SAMPLE-messengerUrl");
              data.put("link", "SAMPLE-link");
              samples.add(data);
            }
          }
        }
      }
      return samples;
    }
  }

  /** A rendered message; {@code subject} is null for messages that are not mail. */
  public record Rendered(String subject, String body) {}

  private final Map<Name, Map<Language, Template>> templates;

  private MessageTemplates(Map<Name, Map<Language, Template>> templates) {
    this.templates = templates;
  }

  /**
   * @param source the text of a template file by its name: the override when one exists, else the
   *     built-in one
   * @throws InvalidTemplate naming every template that does not render
   */
  public static MessageTemplates load(Function<String, String> source) {
    Engine engine = Engine.builder().addDefaults().strictRendering(true).build();
    Map<Name, Map<Language, Template>> templates = new EnumMap<>(Name.class);
    List<String> problems = new ArrayList<>();
    for (Name name : Name.values()) {
      Map<Language, Template> byLanguage = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        String file = name.fileName(language);
        try {
          Template template = engine.parse(source.apply(file));
          validate(name, template);
          byLanguage.put(language, template);
        } catch (RuntimeException e) {
          problems.add(file + ": " + e.getMessage());
        }
      }
      templates.put(name, byLanguage);
    }
    if (!problems.isEmpty()) {
      throw new InvalidTemplate(problems);
    }
    return new MessageTemplates(templates);
  }

  /**
   * @param data the placeholders: {@code name} (may be blank) and {@code ticket}, and per message
   *     {@code channel}, {@code expected} (empty when no time is promised), {@code offHours},
   *     {@code messengerUrl} or {@code link}
   */
  public Rendered render(Name name, Language language, Map<String, Object> data) {
    return render(name, templates.get(name).get(language), data);
  }

  private static void validate(Name name, Template template) {
    for (Map<String, Object> sample : name.samples()) {
      Rendered rendered = render(name, template, sample);
      String all = rendered.subject() + "\n" + rendered.body();
      for (String required : name.required) {
        String value = String.valueOf(sample.get(required));
        // An empty value is a variant that leaves the placeholder out on purpose.
        if (!value.isEmpty() && !all.contains(value)) {
          throw new IllegalStateException("must show {" + required + "} (sample " + sample + ")");
        }
      }
    }
  }

  private static Rendered render(Name name, Template template, Map<String, Object> data) {
    var instance = template.instance();
    data.forEach(instance::data);
    String text = instance.render().strip();
    if (!name.mail) {
      return new Rendered(null, text);
    }
    int endOfSubject = text.indexOf('\n');
    if (endOfSubject < 0) {
      throw new IllegalStateException("a mail template needs a subject line and a body");
    }
    return new Rendered(
        text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1).strip() + "\n");
  }

  /** Templates that do not render; the service must not start with them. */
  public static class InvalidTemplate extends RuntimeException {
    public InvalidTemplate(List<String> problems) {
      super("Invalid message templates: " + String.join("; ", problems));
    }
  }

  /** Looks a template file up in an optional override, then in the built-in ones. */
  public static Function<String, String> overriding(
      Function<String, Optional<String>> overrides, Function<String, String> builtIn) {
    return file -> overrides.apply(file).orElseGet(() -> builtIn.apply(file));
  }
}
