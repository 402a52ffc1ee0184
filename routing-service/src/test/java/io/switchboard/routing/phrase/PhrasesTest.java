package io.switchboard.routing.phrase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhrasesTest {

  @Test
  void keywordsMatchWholeWordsAndPhrasesOnly() {
    Phrases phrases = Phrases.of(List.of("down", "не работает", "Счёт"), List.of());
    assertTrue(phrases.foundIn(Phrases.normalize("The site is DOWN.")));
    assertFalse(phrases.foundIn(Phrases.normalize("The download failed")));
    assertFalse(phrases.foundIn(Phrases.normalize("countdown")));
    assertTrue(phrases.foundIn(Phrases.normalize("download, then down again")));
    assertTrue(phrases.foundIn(Phrases.normalize("Сайт НЕ РАБОТАЕТ!")));
    assertTrue(phrases.foundIn(Phrases.normalize("не работает-то")));
    assertFalse(phrases.foundIn(Phrases.normalize("вы не работаете")));
    assertTrue(phrases.foundIn(Phrases.normalize("выставлен счет")));
    assertFalse(phrases.foundIn(Phrases.normalize("счетчик")));
    assertFalse(phrases.foundIn(Phrases.normalize("down_time")));
    assertFalse(phrases.foundIn(Phrases.normalize("down2")));
  }

  @Test
  void patternsAreCaseInsensitiveRegularExpressions() {
    Phrases phrases = Phrases.of(List.of(), List.of("СПИСА(л|ли|ние)"));
    assertTrue(phrases.foundIn("у меня списали деньги"));
    assertFalse(phrases.foundIn("спасибо"));
    assertTrue(Phrases.of(List.of(), List.of()).isEmpty());
    assertFalse(phrases.isEmpty());
  }

  /**
   * The matcher replaced one lookaround regular expression per keyword; on texts of Latin,
   * Cyrillic, digits, marks, joiners and punctuation it decides as that expression did.
   */
  @Test
  void decidesAsTheLookaroundExpressionItReplaced() {
    String alphabet = "ab cdе-жз_1٣.\u0301\u200d!ёé\n";
    Random random = new Random(42);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      String keyword = Phrases.normalize(text(random, alphabet, 1 + random.nextInt(3)));
      String text = Phrases.normalize(text(random, alphabet, random.nextInt(40)));
      Pattern old =
          Pattern.compile(
              "(?<![\\w])" + Pattern.quote(keyword) + "(?![\\w])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
      boolean expected = old.matcher(text).find();
      assertEquals(
          expected,
          Phrases.of(List.of(keyword), List.of()).foundIn(text),
          () -> "keyword [" + keyword + "] in [" + text + "]");
      found += expected ? 1 : 0;
    }
    assertTrue(found > 500, "the random texts contain their keyword often enough: " + found);
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
