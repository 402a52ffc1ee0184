package io.switchboard.routing.phrase;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a rule looks for in an inquiry's text: keywords as whole words or phrases, so that "down"
 * does not fire on "download", and patterns as regular expressions for inflected forms ("списали",
 * "списал", "списание"). Found when any one of them is.
 *
 * <p>Keywords are searched with {@link String#indexOf(String, int)} and a look at the characters
 * around each hit, not with one regular expression each: the text is already lower-cased, and one
 * lookaround pattern per keyword, run over the whole text, took a quarter of routing's CPU under
 * load. A keyword's edges follow {@code \w} of {@link Pattern#UNICODE_CHARACTER_CLASS}, as the
 * patterns' do.
 */
public final class Phrases {
  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  private final List<String> keywords;
  private final List<Pattern> patterns;

  private Phrases(List<String> keywords, List<Pattern> patterns) {
    this.keywords = keywords;
    this.patterns = patterns;
  }

  /**
   * @param keywords matched as whole words, after {@link #normalize(String)}
   * @param patterns regular expressions, case-insensitive
   * @throws java.util.regex.PatternSyntaxException when a pattern is not a regular expression
   */
  public static Phrases of(List<String> keywords, List<String> patterns) {
    return new Phrases(
        keywords.stream().map(Phrases::normalize).filter(k -> !k.isEmpty()).distinct().toList(),
        patterns.stream().map(p -> Pattern.compile(p, FLAGS)).toList());
  }

  /** Customers write "ё" and "е" interchangeably; rules are written with "е". */
  public static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  /** Whether the rule names no keyword and no pattern: then it holds for every text. */
  public boolean isEmpty() {
    return keywords.isEmpty() && patterns.isEmpty();
  }

  /** {@code text} is normalized as {@link #normalize(String)} does. */
  public boolean foundIn(String text) {
    for (String keyword : keywords) {
      if (containsWord(text, keyword)) {
        return true;
      }
    }
    for (Pattern pattern : patterns) {
      if (pattern.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsWord(String text, String keyword) {
    for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
      int end = at + keyword.length();
      boolean startsWord = at == 0 || !isWordChar(text.codePointBefore(at));
      boolean endsWord = end == text.length() || !isWordChar(text.codePointAt(end));
      if (startsWord && endsWord) {
        return true;
      }
    }
    return false;
  }

  /** {@code \w} under {@link Pattern#UNICODE_CHARACTER_CLASS}. */
  static boolean isWordChar(int codePoint) {
    if (Character.isAlphabetic(codePoint) || Character.isDigit(codePoint)) {
      return true;
    }
    return switch (Character.getType(codePoint)) {
      case Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.CONNECTOR_PUNCTUATION ->
          true;
      default -> codePoint == 0x200C || codePoint == 0x200D;
    };
  }
}
