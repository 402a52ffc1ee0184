package io.switchboard.routing.directory;

/** What an operator says about themselves; idle beyond the timeout reads as AWAY. */
public enum Presence {
  ONLINE,
  AWAY,
  OFFLINE
}
