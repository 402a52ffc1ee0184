package io.switchboard.ingest.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an e-mail body the sender wrote now: quoted history and signature cut off. Pure.
 *
 * <p>Mail clients mark what they quote differently: {@code >} prefixes (dropped wherever they are),
 * an attribution line ("On ... wrote:", "... написал(а):"), an Outlook separator with a header
 * block. Everything from the first such marker on is history. A signature starts at the RFC 3676
 * delimiter {@code "-- "} or at a mobile client's "Sent from" line.
 */
public final class EmailText {
  private static final List<Pattern> HISTORY_STARTS =
      List.of(
          Pattern.compile("^On .{3,200} wrote:\\s*$", Pattern.CASE_INSENSITIVE),
          Pattern.compile("^.{3,200}(написал|написала|написал\\(а\\)|пишет):\\s*$"),
          Pattern.compile(
              "^-{2,}\\s*(Original Message|Исходное сообщение|Пересланное сообщение|Forwarded message)\\s*-{2,}.*$",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile("^_{10,}\\s*$"),
          Pattern.compile("^(From|От|Від):\\s.+$"));
  private static final List<Pattern> SIGNATURE_STARTS =
      List.of(
          Pattern.compile("^-- ?$"),
          Pattern.compile(
              "^(Sent from my|Отправлено с|Отправлено из|Get Outlook for) .*$",
              Pattern.CASE_INSENSITIVE));

  private EmailText() {}

  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith(">")) {
        continue;
      }
      boolean nothingYet = kept.stream().allMatch(String::isBlank);
      if (matchesAny(HISTORY_STARTS, trimmed) || matchesAny(SIGNATURE_STARTS, trimmed)) {
        // Above the marker is the new text (top posting). With nothing above it, the sender
        // answers below the quote (bottom posting) or forwards: drop the marker, keep reading.
        if (nothingYet) {
          continue;
        }
        break;
      }
      kept.add(line.stripTrailing());
    }
    return String.join("\n", kept).strip();
  }

  private static boolean matchesAny(List<Pattern> patterns, String line) {
    return patterns.stream().anyMatch(p -> p.matcher(line).matches());
  }
}
