package io.switchboard.platform.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * A CSV document as RFC 4180 describes it: a header row, CRLF line ends, fields with a comma, quote
 * or line break quoted and their quotes doubled. Numbers always use '.' as the decimal separator,
 * whatever the server's locale; a missing figure is an empty field.
 */
public final class Csv {
  public static final String MEDIA_TYPE = "text/csv";
  private static final String CRLF = "\r\n";

  private final StringBuilder text = new StringBuilder();
  private final int columns;

  private Csv(List<String> header) {
    this.columns = header.size();
    line(header.toArray());
  }

  public static Csv withHeader(String... header) {
    return new Csv(List.of(header));
  }

  public Csv row(Object... values) {
    if (values.length != columns) {
      throw new IllegalArgumentException(
          "a row needs " + columns + " fields, got " + values.length);
    }
    line(values);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void line(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(field(values[i]));
    }
    text.append(CRLF);
  }

  /** Java's own rendering (75.0) unless it would use an exponent (1.0E-4 → 0.0001). */
  private static String decimal(String text) {
    return text.indexOf('E') < 0 ? text : new BigDecimal(text).stripTrailingZeros().toPlainString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String plain =
        switch (value) {
          case Double d -> decimal(d.toString());
          case Float f -> decimal(f.toString());
          case BigDecimal b -> b.toPlainString();
          default -> value.toString();
        };
    boolean quote =
        plain.indexOf(',') >= 0
            || plain.indexOf('"') >= 0
            || plain.indexOf('\n') >= 0
            || plain.indexOf('\r') >= 0;
    return quote ? '"' + plain.replace("\"", "\"\"") + '"' : plain;
  }
}
