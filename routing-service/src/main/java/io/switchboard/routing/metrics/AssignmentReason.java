package io.switchboard.routing.metrics;

import io.switchboard.contracts.InquiryStatus;

/** Why an operator got an inquiry, as the {@code reason} tag of switchboard.routing.assignments. */
public enum AssignmentReason {
  FIRST,
  RETURNING_CUSTOMER,
  QUEUE,
  FORWARDED,
  SUPERVISOR,
  REASSIGNED,
  TRANSFERRED;

  /** The reason the assignment policy gives for a customer's previous operator. */
  static final String RETURNING = "returning customer";

  /**
   * The reason of an automatic assignment, from the inquiry's state before it.
   *
   * @param assignedBefore whether the inquiry had been assigned already
   * @param previous its status before the assignment
   * @param hadOperator whether it still named an operator (a transfer clears it first)
   * @param choiceReason why the policy chose the operator
   */
  public static AssignmentReason of(
      boolean assignedBefore, InquiryStatus previous, boolean hadOperator, String choiceReason) {
    if (previous == InquiryStatus.QUEUED) {
      return QUEUE;
    }
    if (!assignedBefore) {
      return RETURNING.equals(choiceReason) ? RETURNING_CUSTOMER : FIRST;
    }
    return hadOperator ? REASSIGNED : TRANSFERRED;
  }
}
