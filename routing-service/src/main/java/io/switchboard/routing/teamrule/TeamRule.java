package io.switchboard.routing.teamrule;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.routing.phrase.Phrases;
import java.util.List;
import java.util.Set;

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
    Phrases phrases) {

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
  }

  /** Keywords as whole words or phrases, patterns as regular expressions (see {@link Phrases}). */
  public static TeamRule of(
      String name,
      String topic,
      String team,
      Set<Channel> channels,
      Set<String> languages,
      Set<InquiryKind> kinds,
      List<String> keywords,
      List<String> patterns) {
    return new TeamRule(
        name, topic, team, channels, languages, kinds, Phrases.of(keywords, patterns));
  }

  /** {@code text} is normalized as {@link Phrases#normalize(String)} does. */
  public boolean matches(Channel channel, String language, InquiryKind kind, String text) {
    // Set.copyOf sets refuse contains(null): an unknown value matches only an empty condition.
    return (channels.isEmpty() || channel != null && channels.contains(channel))
        && (languages.isEmpty() || language != null && languages.contains(language))
        && (kinds.isEmpty() || kind != null && kinds.contains(kind))
        && (phrases.isEmpty() || phrases.foundIn(text));
  }
}
