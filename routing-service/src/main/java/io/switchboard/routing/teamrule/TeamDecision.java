package io.switchboard.routing.teamrule;

/**
 * Where an inquiry goes and why.
 *
 * @param team the team it goes to
 * @param topic the topic operators must have (or list none), null for any
 * @param rule the name of the rule that decided, null when no rule matched (default team)
 */
public record TeamDecision(String team, String topic, String rule) {}
