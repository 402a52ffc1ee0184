package io.switchboard.routing.teamrule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.routing.phrase.Phrases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Ordered team rules: the first rule that matches decides the topic and the team; a rule without a
 * team sends to the default team. Nothing matches: the default team and no topic. Pure, no I/O.
 */
public final class TeamRules {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final List<TeamRule> rules;

  public TeamRules(List<TeamRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public TeamDecision decide(
      String defaultTeam,
      Channel channel,
      String language,
      InquiryKind kind,
      String subject,
      String body) {
    String text =
        Phrases.normalize((subject == null ? "" : subject) + "\n" + (body == null ? "" : body));
    InquiryKind effectiveKind = kind == null ? InquiryKind.MESSAGE : kind;
    return rules.stream()
        .filter(r -> r.matches(channel, language, effectiveKind, text))
        .findFirst()
        .map(r -> new TeamDecision(r.team() == null ? defaultTeam : r.team(), r.topic(), r.name()))
        .orElseGet(() -> new TeamDecision(defaultTeam, null, null));
  }

  /** The teams the rules name, to check against the directory. */
  public Set<String> teams() {
    return rules.stream()
        .map(TeamRule::team)
        .filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Reads the YAML rule file format documented in the README. */
  public static TeamRules parse(InputStream yaml) {
    try {
      RuleFile file = YAML.readValue(yaml, RuleFile.class);
      return new TeamRules(
          file == null || file.rules() == null
              ? List.of()
              : file.rules().stream().map(RuleSpec::toRule).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable team rules", e);
    }
  }

  record RuleFile(List<RuleSpec> rules) {}

  record RuleSpec(
      String name,
      String topic,
      String team,
      Set<Channel> channels,
      Set<String> languages,
      Set<InquiryKind> kinds,
      List<String> keywords,
      List<String> patterns) {
    TeamRule toRule() {
      return TeamRule.of(
          name,
          topic,
          team,
          channels == null ? Set.of() : channels,
          languages == null ? Set.of() : languages,
          kinds == null ? Set.of() : kinds,
          keywords == null ? List.of() : keywords,
          patterns == null ? List.of() : patterns);
    }
  }
}
