package io.switchboard.routing.priority;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.Priority;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
    List<Pattern> phrases) {

  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

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
    phrases = List.copyOf(phrases);
  }

  /**
   * Keywords match as whole words or phrases so that "down" does not fire on "download"; patterns
   * are regular expressions for inflected forms ("списали", "списал", "списание").
   */
  public static PriorityRule of(
      String name,
      Priority priority,
      Set<Channel> channels,
      Set<String> segments,
      Set<InquiryKind> kinds,
      List<String> keywords,
      List<String> patterns) {
    var phrases =
        java.util.stream.Stream.concat(
                keywords.stream()
                    .map(
                        k ->
                            "(?<![\\w])" + Pattern.quote(PriorityInput.normalize(k)) + "(?![\\w])"),
                patterns.stream())
            .map(p -> Pattern.compile(p, FLAGS))
            .toList();
    return new PriorityRule(name, priority, channels, segments, kinds, phrases);
  }

  public boolean matches(PriorityInput input) {
    // Set.copyOf sets refuse contains(null): an unknown value matches only an empty condition.
    return (channels.isEmpty() || input.channel() != null && channels.contains(input.channel()))
        && (segments.isEmpty() || input.segment() != null && segments.contains(input.segment()))
        && (kinds.isEmpty() || input.kind() != null && kinds.contains(input.kind()))
        && (phrases.isEmpty() || phrases.stream().anyMatch(p -> p.matcher(input.text()).find()));
  }
}
