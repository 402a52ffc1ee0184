package io.switchboard.routing.assignment;

/** An operator's capacity and the inquiries they hold now. */
public record OperatorLoad(String operatorId, String teamId, int capacity, long open) {
  public long spare() {
    return capacity - open;
  }
}
