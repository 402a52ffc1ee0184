package io.switchboard.routing.lifecycle;

import static io.switchboard.contracts.InquiryStatus.ACCEPTED;
import static io.switchboard.contracts.InquiryStatus.ASSIGNED;
import static io.switchboard.contracts.InquiryStatus.CLOSED;
import static io.switchboard.contracts.InquiryStatus.QUEUED;
import static io.switchboard.contracts.InquiryStatus.REOPENED;
import static io.switchboard.contracts.InquiryStatus.RESOLVED;
import static io.switchboard.contracts.InquiryStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.InquiryStatus;
import io.switchboard.routing.lifecycle.Lifecycle.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void happyPathFromAssignedToClosed() {
    assertThat(Lifecycle.next(ASSIGNED, Action.ACCEPT)).contains(ACCEPTED);
    assertThat(Lifecycle.next(ACCEPTED, Action.OPERATOR_REPLY)).contains(WAITING_ON_CUSTOMER);
    assertThat(Lifecycle.next(WAITING_ON_CUSTOMER, Action.CUSTOMER_REPLY)).contains(ACCEPTED);
    assertThat(Lifecycle.next(ACCEPTED, Action.WAIT_ON_CUSTOMER)).contains(WAITING_ON_CUSTOMER);
    assertThat(Lifecycle.next(WAITING_ON_CUSTOMER, Action.RESOLVE)).contains(RESOLVED);
    assertThat(Lifecycle.next(RESOLVED, Action.CLOSE)).contains(CLOSED);
  }

  @Test
  void customerWritingAfterResolutionReopens() {
    assertThat(Lifecycle.next(RESOLVED, Action.CUSTOMER_REPLY)).contains(REOPENED);
    assertThat(Lifecycle.next(CLOSED, Action.CUSTOMER_REPLY)).contains(REOPENED);
    assertThat(Lifecycle.next(REOPENED, Action.ACCEPT)).contains(ACCEPTED);
  }

  @Test
  void actionsThatDoNotApplyChangeNothing() {
    assertThat(Lifecycle.next(QUEUED, Action.CUSTOMER_REPLY)).isEmpty();
    assertThat(Lifecycle.next(ACCEPTED, Action.CUSTOMER_REPLY)).isEmpty();
    assertThat(Lifecycle.next(CLOSED, Action.RESOLVE)).isEmpty();
    assertThat(Lifecycle.next(QUEUED, Action.ACCEPT)).isEmpty();
    assertThat(Lifecycle.next(ACCEPTED, Action.CLOSE)).isEmpty();
  }

  @Test
  void onlyHeldStatesTakeCapacity() {
    assertThat(Lifecycle.holding(REOPENED)).isTrue();
    assertThat(Lifecycle.holding(WAITING_ON_CUSTOMER)).isTrue();
    assertThat(Lifecycle.holding(RESOLVED)).isFalse();
    assertThat(Lifecycle.holding(QUEUED)).isFalse();
  }

  /**
   * The inbound consumer relies on it: it drains no queue, so its set-based writes never change an
   * inquiry it holds as an entity.
   */
  @Test
  void aReplyNeverFreesASlot() {
    for (InquiryStatus status : InquiryStatus.values()) {
      for (Action reply : List.of(Action.CUSTOMER_REPLY, Action.OPERATOR_REPLY)) {
        Lifecycle.next(status, reply)
            .ifPresent(
                next ->
                    assertThat(Lifecycle.holding(status) && !Lifecycle.holding(next))
                        .as("%s on %s -> %s frees a slot", reply, status, next)
                        .isFalse());
      }
    }
  }
}
