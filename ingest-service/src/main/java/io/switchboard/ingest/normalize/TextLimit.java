package io.switchboard.ingest.normalize;

/** Keeps texts within the configured length, marking what was cut: pure. */
public final class TextLimit {
  public static final String TRUNCATION_MARK = " […]";

  private TextLimit() {}

  /** The text stripped of surrounding blanks. */
  public record Limited(String text, boolean truncated) {}

  public static Limited apply(String text, int maxLength) {
    String stripped = text == null ? "" : text.strip();
    if (stripped.length() <= maxLength) {
      return new Limited(stripped, false);
    }
    int end = maxLength;
    // Never split a surrogate pair: half an emoji is not valid UTF-16 downstream.
    if (end > 0 && Character.isHighSurrogate(stripped.charAt(end - 1))) {
      end--;
    }
    return new Limited(stripped.substring(0, end) + TRUNCATION_MARK, true);
  }
}
