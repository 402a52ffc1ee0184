package io.switchboard.routing.directory;

/** How a team spreads work among its eligible operators. */
public enum RoutingMode {
  /** Next operator after the last one assigned, in operator id order. */
  ROUND_ROBIN,
  /** The operator with the most spare capacity on the inquiry's channel. */
  LEAST_LOADED
}
