package io.switchboard.notification.delivery;

import static io.switchboard.notification.ProvidersResource.providers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.notification.GreenMailResource;
import io.switchboard.notification.ProvidersResource;
import io.switchboard.notification.QuarkusTestBase;
import io.switchboard.notification.TestInquiries;
import io.switchboard.notification.template.MessageTemplates;
import io.switchboard.platform.retry.Backoff;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Three workers on the same rows, as three instances would be: the service's own SMS lane and two
 * more built from the same parts, each claiming small batches. Every message reaches the provider
 * once and is announced once.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(ProvidersResource.class)
class DeliveryRaceTest extends QuarkusTestBase {
  private static final int MESSAGES = 150;

  @Inject Vertx vertx;
  @Inject DeliveryClaims claims;
  @Inject Senders senders;
  @Inject MessageTemplates templates;
  @Inject ObjectMapper json;

  @Test
  void workersRacingOnTheSameRowsSendEachMessageOnce() {
    List<CountingComposer> composers = List.of(composer(), composer());
    List<DeliveryLane> racers = new ArrayList<>();
    for (CountingComposer composer : composers) {
      racers.add(new DeliveryLane(DeliveryMedium.SMS, parts(composer), 4));
    }
    // The extra lanes hear no commits: they are woken all the time instead.
    long waking = vertx.setPeriodic(20, ignored -> racers.forEach(DeliveryLane::wake));
    List<InquiryReceived> calls = new ArrayList<>();
    try {
      for (int i = 0; i < MESSAGES; i++) {
        InquiryReceived call = smsInquiry(uniquePhone());
        calls.add(call);
        // The due time first, so that every acknowledgement is due as soon as it is queued.
        kafka.publish(clockStarted(call));
        kafka.publish(call);
      }
      Set<String> ids = calls.stream().map(InquiryReceived::inquiryId).collect(Collectors.toSet());
      Awaitility.await("every acknowledgement announced")
          .atMost(KafkaTestClient.DEFAULT_WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  kafka
                      .eventsSoFar(AcknowledgementSent.class, e -> ids.contains(e.inquiryId()))
                      .size(),
              sent -> sent >= MESSAGES);
    } finally {
      vertx.cancelTimer(waking);
      racers.forEach(DeliveryLane::stop);
    }

    Set<String> keys =
        calls.stream().map(c -> c.inquiryId() + ":ack:0").collect(Collectors.toSet());
    Map<String, Long> requestsPerKey =
        providers().requestsTo("/sms/send").stream()
            .filter(r -> keys.contains(r.idempotencyKey()))
            .collect(
                Collectors.groupingBy(
                    ProvidersResource.Request::idempotencyKey, Collectors.counting()));
    assertThat(requestsPerKey).hasSize(MESSAGES);
    assertThat(requestsPerKey.values()).as("requests per message").containsOnly(1L);
    List<AcknowledgementSent> sent =
        kafka.eventsSoFar(
            AcknowledgementSent.class,
            e -> calls.stream().anyMatch(c -> c.inquiryId().equals(e.inquiryId())));
    assertThat(sent).hasSize(MESSAGES);
    assertThat(new HashSet<>(sent.stream().map(AcknowledgementSent::inquiryId).toList()))
        .hasSize(MESSAGES);
    // The extra workers did take part: some rows were theirs.
    assertThat(composers.stream().mapToInt(c -> c.composed.get()).sum()).isPositive();
  }

  private DeliveryLane.Parts parts(MessageComposer composer) {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(300), 0.3);
    return new DeliveryLane.Parts(
        vertx,
        claims,
        senders,
        composer,
        new RetryPolicy(backoff, Duration.ofSeconds(10)),
        backoff,
        backoff,
        5,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }

  private CountingComposer composer() {
    return new CountingComposer(templates, json);
  }

  /** The real composer, counting the rows its lane sends; not a bean of its own. */
  @Vetoed
  static final class CountingComposer extends MessageComposer {
    final AtomicInteger composed = new AtomicInteger();

    CountingComposer(MessageTemplates templates, ObjectMapper json) {
      super(templates, json);
    }

    @Override
    public OutgoingMessage compose(ClaimedDelivery row, Instant now) {
      composed.incrementAndGet();
      return super.compose(row, now);
    }
  }

  private static ClockStarted clockStarted(InquiryReceived call) {
    return new ClockStarted(
        EventIds.next(),
        call.inquiryId(),
        Instant.now(),
        ClockStarted.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        call.channel(),
        call.occurredAt(),
        call.occurredAt().plus(Duration.ofMinutes(15)),
        900,
        false,
        "Europe/Moscow",
        false);
  }

  private static InquiryReceived smsInquiry(String phone) {
    return TestInquiries.from(
        Channel.PHONE,
        new Customer(null, "Ivan", null, phone),
        "ru",
        new ReplyAddress(Channel.PHONE, phone, null));
  }
}
