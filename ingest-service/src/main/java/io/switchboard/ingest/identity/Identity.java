package io.switchboard.ingest.identity;

import io.switchboard.contracts.EventIds;
import java.util.List;
import java.util.TreeSet;

/**
 * Who a new inquiry's customer is, before the store has said so: the identifiers the message
 * carries and the customer id they get if none of them was seen before. The intake links them in
 * the statement that claims the inquiry (intake/IntakeClaim); when they belong to a known customer,
 * that customer's id replaces the provisional one in the stored event. Pure.
 *
 * @param identifiers {@code email:<address>} and {@code phone:<E.164>}, sorted: every writer takes
 *     their locks in this order, so two links over the same identifiers cannot deadlock
 * @param provisionalId the customer id of a person never seen before, a fresh UUIDv7 (the smallest
 *     id is the oldest, which survives a merge); null when there are no identifiers
 */
public record Identity(List<String> identifiers, String provisionalId) {

  private static final Identity NONE = new Identity(List.of(), null);

  public Identity {
    identifiers = List.copyOf(identifiers);
  }

  /** Contacts in their normal forms (either may be null). */
  public static Identity of(String email, String phone) {
    TreeSet<String> sorted = new TreeSet<>();
    if (email != null) {
      sorted.add("email:" + email);
    }
    if (phone != null) {
      sorted.add("phone:" + phone);
    }
    return sorted.isEmpty() ? NONE : new Identity(List.copyOf(sorted), EventIds.next().toString());
  }

  /** A message that names no customer of its own (a reply in a known thread). */
  public static Identity none() {
    return NONE;
  }

  public boolean isEmpty() {
    return identifiers.isEmpty();
  }
}
