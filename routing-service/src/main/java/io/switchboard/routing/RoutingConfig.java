package io.switchboard.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** routing-service settings; every one has a default that suits the local run. */
@ConfigMapping(prefix = "switchboard.routing")
public interface RoutingConfig {

  /** A YAML rule file replacing the built-in priority rules. */
  Optional<Path> priorityRulesFile();

  /** A YAML directory file applied at start instead of the built-in duty team. */
  Optional<Path> directoryFile();

  /** A YAML rule file replacing the built-in team and topic rules. */
  Optional<Path> teamRulesFile();

  /** The team new inquiries go to when no team rule names one. */
  @WithDefault("support")
  String defaultTeam();

  Presence presence();

  Queue queue();

  Forwarding forwarding();

  Metrics metrics();

  interface Metrics {
    /** How often the per-team gauges are read from the database. */
    @WithDefault("15s")
    Duration refreshInterval();
  }

  interface Presence {
    /** An online operator without a heartbeat for this long counts as away. */
    @WithDefault("5m")
    Duration idleTimeout();
  }

  interface Forwarding {
    /**
     * How long an assignment may stay unaccepted per channel name (CHAT, PHONE, ...) before it
     * moves on; channels not named use {@link #defaultAcceptTimeout()}.
     */
    java.util.Map<String, Duration> acceptTimeout();

    @WithDefault("30m")
    Duration defaultAcceptTimeout();

    /** Forwards to other operators before the inquiry goes to the team's supervisor. */
    @WithDefault("2")
    int levels();

    /** How often unaccepted and unanswered assignments are looked for. */
    @WithDefault("10s")
    Duration checkInterval();

    /**
     * How long an accepted inquiry may wait for its operator's reply per channel name before it
     * moves on; channels not named use {@link #defaultAnswerTimeout()}. The time restarts whenever
     * the inquiry becomes accepted again (a customer's follow-up after a reply).
     */
    java.util.Map<String, Duration> answerTimeout();

    @WithDefault("4h")
    Duration defaultAnswerTimeout();

    default Duration acceptTimeoutFor(io.switchboard.contracts.Channel channel) {
      return acceptTimeout().getOrDefault(channel.name(), defaultAcceptTimeout());
    }

    default Duration answerTimeoutFor(io.switchboard.contracts.Channel channel) {
      return answerTimeout().getOrDefault(channel.name(), defaultAnswerTimeout());
    }
  }

  interface Queue {
    /** How often queues are retried for what no event announces: shift starts, idle timeouts. */
    @WithDefault("5s")
    Duration drainInterval();

    /** Queued inquiries tried per team and round. */
    @WithDefault("50")
    int drainBatch();
  }
}
