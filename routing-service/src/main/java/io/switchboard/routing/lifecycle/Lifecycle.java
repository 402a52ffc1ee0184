package io.switchboard.routing.lifecycle;

import io.switchboard.contracts.InquiryStatus;
import java.util.Optional;

/** The inquiry state machine. Pure, no I/O. */
public final class Lifecycle {
  /** What happened to the inquiry. */
  public enum Action {
    ACCEPT,
    OPERATOR_REPLY,
    WAIT_ON_CUSTOMER,
    CUSTOMER_REPLY,
    RESOLVE,
    CLOSE
  }

  private Lifecycle() {}

  /**
   * The state after {@code action}, or empty when the action does not apply in {@code current} (a
   * customer reply to a queued inquiry changes nothing; resolving a closed one is refused).
   */
  public static Optional<InquiryStatus> next(InquiryStatus current, Action action) {
    InquiryStatus next =
        switch (action) {
          case ACCEPT ->
              current == InquiryStatus.ASSIGNED || current == InquiryStatus.REOPENED
                  ? InquiryStatus.ACCEPTED
                  : null;
          case OPERATOR_REPLY -> holding(current) ? InquiryStatus.WAITING_ON_CUSTOMER : null;
          case WAIT_ON_CUSTOMER ->
              current == InquiryStatus.ACCEPTED || current == InquiryStatus.REOPENED
                  ? InquiryStatus.WAITING_ON_CUSTOMER
                  : null;
          case CUSTOMER_REPLY ->
              switch (current) {
                case WAITING_ON_CUSTOMER -> InquiryStatus.ACCEPTED;
                case RESOLVED, CLOSED -> InquiryStatus.REOPENED;
                default -> null;
              };
          case RESOLVE -> holding(current) ? InquiryStatus.RESOLVED : null;
          case CLOSE -> current == InquiryStatus.RESOLVED ? InquiryStatus.CLOSED : null;
        };
    return Optional.ofNullable(next);
  }

  /** An operator holds the inquiry: it takes one of their slots. */
  public static boolean holding(InquiryStatus status) {
    return status == InquiryStatus.ASSIGNED
        || status == InquiryStatus.ACCEPTED
        || status == InquiryStatus.WAITING_ON_CUSTOMER
        || status == InquiryStatus.REOPENED;
  }
}
