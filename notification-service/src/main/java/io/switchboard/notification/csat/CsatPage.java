package io.switchboard.notification.csat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The rating page behind the link, in both languages at once: pure, no I/O. */
final class CsatPage {
  private CsatPage() {}

  static String form(String inquiryId, String token) {
    String scores =
        IntStream.rangeClosed(1, 5)
            .mapToObj(
                n ->
                    "<label><input type=\"radio\" name=\"score\" value=\""
                        + n
                        + "\" required> "
                        + n
                        + "</label>")
            .collect(Collectors.joining(" "));
    return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Оценка / Rating</title></head><body>
        <h1>Оцените нашу помощь / Rate our help</h1>
        <form method="post" action="/csat/%s">
        <input type="hidden" name="token" value="%s">
        <p>1 — плохо / bad, 5 — отлично / excellent</p>
        <p>%s</p>
        <p><textarea name="comment" maxlength="%d" rows="4" cols="50"
           placeholder="Комментарий / Comment"></textarea></p>
        <p><button type="submit">Отправить / Send</button></p>
        </form></body></html>
        """
        .formatted(escape(inquiryId), escape(token), scores, CsatValidation.MAX_COMMENT);
  }

  static String thanks() {
    return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Спасибо / Thank you</title></head><body>
        <h1>Спасибо за оценку! / Thank you for your rating!</h1>
        </body></html>
        """;
  }

  private static String escape(String value) {
    if (value == null) {
      return "";
    }
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
