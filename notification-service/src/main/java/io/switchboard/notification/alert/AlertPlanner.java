package io.switchboard.notification.alert;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.delivery.Addresses;
import io.switchboard.notification.delivery.NotificationIds;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.delivery.Senders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The alerts a batch of events calls for, as ledger rows: who is alerted ({@link AlertRouting}), by
 * which medium and in which zone (their recipient settings, read for the whole batch at once), and
 * when (a routine alert outside the recipient's working hours is due when they start).
 */
@ApplicationScoped
public class AlertPlanner {
  private static final Logger LOG = Logger.getLogger(AlertPlanner.class);

  private final Senders senders;
  private final Optional<String> dutyOperator;

  public AlertPlanner(Senders senders, NotificationConfig config) {
    this.senders = senders;
    this.dutyOperator = config.alerts().dutyOperator();
  }

  /**
   * @param contacts the batch's known contacts by inquiry id, for the tickets alerts name
   */
  public Uni<List<QueuedDelivery>> plan(
      List<InquiryEvent> events, Map<String, CustomerContact> contacts) {
    Map<InquiryEvent, AlertRouting.Target> targets = new LinkedHashMap<>();
    for (InquiryEvent event : events) {
      AlertRouting.target(event, dutyOperator).ifPresent(target -> targets.put(event, target));
    }
    if (targets.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Set<String> operators =
        targets.values().stream().map(AlertRouting.Target::operatorId).collect(Collectors.toSet());
    return recipients(operators)
        .chain(found -> withSupervisors(found, targets.values()))
        .map(found -> rows(targets, found, contacts, Instant.now()));
  }

  private Uni<Map<String, Recipient>> withSupervisors(
      Map<String, Recipient> found, Collection<AlertRouting.Target> targets) {
    Set<String> supervisors = new HashSet<>();
    for (AlertRouting.Target target : targets) {
      Recipient operator = found.get(target.operatorId());
      if (target.toSupervisor() && operator != null && operator.supervisorId != null) {
        supervisors.add(operator.supervisorId);
      }
    }
    supervisors.removeAll(found.keySet());
    if (supervisors.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return recipients(supervisors)
        .map(
            more -> {
              Map<String, Recipient> all = new HashMap<>(found);
              all.putAll(more);
              return all;
            });
  }

  private static Uni<Map<String, Recipient>> recipients(Set<String> operatorIds) {
    return Recipient.<Recipient>list("operatorId in ?1", List.copyOf(operatorIds))
        .map(
            list ->
                list.stream().collect(Collectors.toMap(r -> r.operatorId, Function.identity())));
  }

  private List<QueuedDelivery> rows(
      Map<InquiryEvent, AlertRouting.Target> targets,
      Map<String, Recipient> recipients,
      Map<String, CustomerContact> contacts,
      Instant now) {
    List<QueuedDelivery> rows = new ArrayList<>();
    targets.forEach(
        (event, target) -> {
          Recipient operator = recipients.get(target.operatorId());
          Recipient recipient =
              !target.toSupervisor() || operator == null
                  ? operator
                  : operator.supervisorId == null ? null : recipients.get(operator.supervisorId);
          if (recipient == null) {
            LOG.infof(
                "No alert recipient for %s%s: alert about %s not sent",
                target.toSupervisor() ? "the supervisor of " : "",
                target.operatorId(),
                event.inquiryId());
          } else if (!senders.canSend(recipient.medium)) {
            LOG.infof(
                "No %s provider is configured: alert to %s not sent",
                recipient.medium, recipient.operatorId);
          } else {
            AlertRouting.plan(
                    event, ticket(event, contacts), ZoneId.of(recipient.timeZone), dutyOperator)
                .ifPresent(plan -> rows.add(row(plan, recipient, now)));
          }
        });
    return rows;
  }

  private static QueuedDelivery row(AlertPlan plan, Recipient recipient, Instant now) {
    String id = NotificationIds.of(plan.inquiryId(), plan.kind(), plan.level());
    if (plan.kind() == NotificationKind.ASSIGNMENT_ALERT) {
      // A reassignment is a new assignment: the new operator must hear of it too, while a
      // redelivered assignment to the same operator keeps its id and is not resent.
      id = id + ":" + plan.operatorId();
    }
    Optional<Instant> opens = plan.urgent() ? Optional.of(now) : recipient.hours().nextOpen(now);
    boolean held = opens.isPresent() && opens.get().isAfter(now);
    if (held) {
      LOG.infof("Alert %s held until %s starts work at %s", id, recipient.operatorId, opens.get());
    }
    Map<String, Object> text = new HashMap<>();
    text.put("subject", plan.subject());
    text.put("text", plan.text());
    return new QueuedDelivery(
        id,
        plan.inquiryId(),
        plan.kind(),
        plan.level(),
        recipient.medium,
        Addresses.masked(recipient.medium, recipient.address),
        recipient.operatorId,
        recipient.address,
        null,
        null,
        null,
        null,
        text,
        null,
        held,
        held ? opens.get() : null,
        false);
  }

  private static String ticket(InquiryEvent event, Map<String, CustomerContact> contacts) {
    if (event instanceof InquiryReceived received) {
      return received.ticket();
    }
    CustomerContact contact = contacts.get(event.inquiryId());
    return contact != null ? contact.ticket : event.inquiryId();
  }
}
