package io.switchboard.routing.priority;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.Priority;
import io.switchboard.routing.phrase.Phrases;
import java.util.List;
import java.util.Set;

/**
 * One declarative rule: it matches when every condition it names holds (an empty condition holds
 * for every inquiry); keywords and patterns match when any one of them is found in the text.
 */
public record PriorityRule(
    String name,
    Priority priority,
    Set<Channel> channels,
    Set<String> segments,
    Set<InquiryKind> kinds,
    Phrases phrases) {

  public PriorityRule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A priority rule needs a name");
    }
    if (priority == null) {
      throw new IllegalArgumentException("Priority rule " + name + " needs a priority");
    }
    channels = Set.copyOf(channels);
    segments = Set.copyOf(segments);
    kinds = Set.copyOf(kinds);
  }

  /** Keywords as whole words or phrases, patterns as regular expressions (see {@link Phrases}). */
  public static PriorityRule of(
      String name,
      Priority priority,
      Set<Channel> channels,
      Set<String> segments,
      Set<InquiryKind> kinds,
      List<String> keywords,
      List<String> patterns) {
    return new PriorityRule(
        name, priority, channels, segments, kinds, Phrases.of(keywords, patterns));
  }

  public boolean matches(PriorityInput input) {
    // Set.copyOf sets refuse contains(null): an unknown value matches only an empty condition.
    return (channels.isEmpty() || input.channel() != null && channels.contains(input.channel()))
        && (segments.isEmpty() || input.segment() != null && segments.contains(input.segment()))
        && (kinds.isEmpty() || input.kind() != null && kinds.contains(input.kind()))
        && (phrases.isEmpty() || phrases.foundIn(input.text()));
  }
}
