package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.Phrasebook.Matter;
import io.switchboard.devstack.sim.Phrasebook.Text;
import java.time.LocalDateTime;

/**
 * One arrival of the day as planned before it starts, from the seed alone: the same options give
 * the same day.
 *
 * @param seq the arrival's number, also the seed of everything decided about it later
 * @param returning the customer wrote before, on another channel
 */
record PlannedArrival(
    int seq,
    LocalDateTime at,
    SimChannel channel,
    Kind kind,
    Matter matter,
    SimCustomer customer,
    boolean returning,
    Text text,
    String order) {

  /** What arrives. */
  enum Kind {
    MESSAGE,
    MISSED_CALL,
    VOICEMAIL,
    /** An out-of-office reply that names no thread of ours. */
    AUTO_REPLY,
    /** Bulk mail: a newsletter. */
    NEWSLETTER,
    /** A delivery report returning our acknowledgement to an address that does not exist. */
    BOUNCE;

    boolean automatic() {
      return this == AUTO_REPLY || this == NEWSLETTER || this == BOUNCE;
    }
  }

  String label() {
    return "#" + seq;
  }
}
