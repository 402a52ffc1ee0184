package io.switchboard.routing.priority;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Ordered rules: the first rule that matches decides the priority, every matching rule is recorded.
 * Nothing matches: the default priority. Pure, no I/O.
 */
public final class PriorityRules {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final Priority defaultPriority;
  private final List<PriorityRule> rules;

  public PriorityRules(Priority defaultPriority, List<PriorityRule> rules) {
    this.defaultPriority = defaultPriority;
    this.rules = List.copyOf(rules);
  }

  public PriorityDecision decide(PriorityInput input) {
    List<PriorityRule> matched = rules.stream().filter(r -> r.matches(input)).toList();
    Priority priority = matched.isEmpty() ? defaultPriority : matched.getFirst().priority();
    return new PriorityDecision(priority, matched.stream().map(PriorityRule::name).toList());
  }

  /** Reads the YAML rule file format documented in the README. */
  public static PriorityRules parse(InputStream yaml) {
    try {
      RuleFile file = YAML.readValue(yaml, RuleFile.class);
      return new PriorityRules(
          file.defaultPriority() == null ? Priority.P3 : file.defaultPriority(),
          file.rules() == null ? List.of() : file.rules().stream().map(RuleSpec::toRule).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable priority rules", e);
    }
  }

  record RuleFile(
      @com.fasterxml.jackson.annotation.JsonProperty("default") Priority defaultPriority,
      List<RuleSpec> rules) {}

  record RuleSpec(
      String name,
      Priority priority,
      Set<Channel> channels,
      Set<String> segments,
      Set<InquiryKind> kinds,
      List<String> keywords,
      List<String> patterns) {
    PriorityRule toRule() {
      return PriorityRule.of(
          name,
          priority,
          channels == null ? Set.of() : channels,
          segments == null ? Set.of() : segments,
          kinds == null ? Set.of() : kinds,
          keywords == null ? List.of() : keywords,
          patterns == null ? List.of() : patterns);
    }
  }
}
