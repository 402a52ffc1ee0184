package io.switchboard.routing.teamrule;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.routing.priority.PriorityInput;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One declarative team rule: it matches when every condition it names holds (an empty condition
 * holds for every inquiry); keywords and patterns match when any one of them is found in the
 * subject or text. It names a topic, a team, or both.
 *
 * @param team the team the inquiry goes to, or null for the default team
 * @param topic the topic operators are filtered by, or null for any topic
 */
public record TeamRule(
    String name,
    String topic,
    String team,
    Set<Channel> channels,
    Set<String> languages,
    Set<InquiryKind> kinds,
    List<Pattern> phrases) {

  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  public TeamRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A team rule needs a name");
    }
    if (topic == null && team == null) {
      throw new IllegalArgumentException("Team rule " + name + " needs a topic, a team or both");
    }
    channels = Set.copyOf(channels);
    languages = Set.copyOf(languages);
    kinds = Set.copyOf(kinds);
    phrases = List.copyOf(phrases);
  }

  /** Keywords as whole words or phrases ("ё" read as "е"), patterns as regular expressions. */
  public static TeamRule of(
      String name,
      String topic,
      String team,
      Set<Channel> channels,
      Set<String> languages,
      Set<InquiryKind> kinds,
      List<String> keywords,
      List<String> patterns) {
    List<Pattern> phrases =
        Stream.concat(
                keywords.stream()
                    .map(
                        k ->
                            "(?<![\\w])" + Pattern.quote(PriorityInput.normalize(k)) + "(?![\\w])"),
                patterns.stream())
            .map(p -> Pattern.compile(p, FLAGS))
            .toList();
    return new TeamRule(name, topic, team, channels, languages, kinds, phrases);
  }

  /** {@code text} is normalized as {@link PriorityInput#normalize(String)} does. */
  public boolean matches(Channel channel, String language, InquiryKind kind, String text) {
    // Set.copyOf sets refuse contains(null): an unknown value matches only an empty condition.
    return (channels.isEmpty() || channel != null && channels.contains(channel))
        && (languages.isEmpty() || language != null && languages.contains(language))
        && (kinds.isEmpty() || kind != null && kinds.contains(kind))
        && (phrases.isEmpty() || phrases.stream().anyMatch(p -> p.matcher(text).find()));
  }
}
