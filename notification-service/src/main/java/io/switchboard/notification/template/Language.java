package io.switchboard.notification.template;

import java.util.Locale;

/** The languages customers are written to in: Russian for Russian inquiries, English otherwise. */
public enum Language {
  RU,
  EN;

  /**
   * From an ISO 639-1 code or a language tag such as {@code ru-RU}; unknown or absent is English.
   */
  public static Language of(String tag) {
    if (tag == null) {
      return EN;
    }
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    return "ru".equals(language) ? RU : EN;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
