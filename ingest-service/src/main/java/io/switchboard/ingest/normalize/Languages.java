package io.switchboard.ingest.normalize;

/** Tells Russian from English text by its letters: pure, no I/O. */
public final class Languages {
  private Languages() {}

  /** {@code ru} when Cyrillic letters outnumber Latin ones, otherwise {@code en}. */
  public static String detect(String... texts) {
    long cyrillic = 0;
    long latin = 0;
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
          cyrillic++;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          latin++;
        }
      }
    }
    return cyrillic > latin ? "ru" : "en";
  }
}
