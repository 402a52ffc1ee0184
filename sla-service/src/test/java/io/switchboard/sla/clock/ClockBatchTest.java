package io.switchboard.sla.clock;

import static io.switchboard.sla.clock.SlaEvents.customerReplied;
import static io.switchboard.sla.clock.SlaEvents.operatorReplied;
import static io.switchboard.sla.clock.SlaEvents.prioritized;
import static io.switchboard.sla.clock.SlaEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockPaused;
import io.switchboard.contracts.ClockResumed;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.ClockStopped;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.Priority;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.policy.SlaPolicy;
import io.switchboard.sla.timer.TimerPlan;
import io.switchboard.sla.timer.TimerPlan.Kind;
import io.switchboard.sla.timer.TimerSchedule;
import io.switchboard.testing.EventFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clock rules applied in memory, batch by batch, without a database. */
class ClockBatchTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /** Tuesday 11:19 in Moscow: the office calendar is open. */
  private static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T08:19:00Z");

  /** Tuesday 20:30 in Moscow: the office closed at 18:00 and opens at 09:00 on Wednesday. */
  private static final Instant TUESDAY_EVENING = Instant.parse("2026-11-24T17:30:00Z");

  private static final Instant NOW = Instant.parse("2026-11-24T18:00:00Z");

  private final List<String> metered = new ArrayList<>();

  @Test
  void aChatReceiptStartsBothClocksAndAnnouncesTheFirstResponseInTheHomeZone() {
    InquiryReceived received = received(Channel.CHAT, TUESDAY_EVENING);
    ClockBatch batch = batchFor(defaults(MOSCOW), received);

    batch.apply(received);

    ClockStarted started = single(batch.events(), ClockStarted.class);
    assertThat(started.clock()).isEqualTo(ClockKind.FIRST_RESPONSE);
    assertThat(started.dueAt()).isEqualTo(TUESDAY_EVENING.plus(Duration.ofMinutes(2)));
    assertThat(started.businessTime()).isFalse();
    assertThat(started.zone()).as("24/7 tells times in sla.time-zone").isEqualTo("Europe/Moscow");
    assertThat(started.offHours()).as("calendar time is never off hours").isFalse();
    assertThat(started.occurredAt()).isEqualTo(NOW);
    assertThat(batch.changedClocks())
        .extracting(c -> c.kind)
        .containsExactly(ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION);
    SlaClock first = clock(batch, ClockKind.FIRST_RESPONSE);
    Instant due = first.dueAt;
    assertThat(batch.timers().get(first.id))
        .as("the 10-minute warning would come before the start")
        .containsExactly(
            new TimerPlan.Timer(Kind.WARNING, 2, due.minusSeconds(60)),
            new TimerPlan.Timer(Kind.BREACH, 0, due),
            new TimerPlan.Timer(Kind.ESCALATION, 1, due.plusSeconds(300)),
            new TimerPlan.Timer(Kind.ESCALATION, 2, due.plusSeconds(900)),
            new TimerPlan.Timer(Kind.ESCALATION, 3, due.plusSeconds(1800)));
    assertThat(metered)
        .containsExactly("started FIRST_RESPONSE CHAT P3", "started RESOLUTION CHAT P3");
  }

  @Test
  void aChatClockTellsItsDueTimeInTheConfiguredHomeZone() {
    InquiryReceived received = received(Channel.CHAT, TUESDAY_MORNING);
    ClockBatch batch = batchFor(defaults(ZoneId.of("Asia/Yekaterinburg")), received);

    batch.apply(received);

    assertThat(single(batch.events(), ClockStarted.class).zone()).isEqualTo("Asia/Yekaterinburg");
  }

  @Test
  void aWebFormWrittenWithinOfficeHoursIsAnsweredWithinTheHourAndNotOffHours() {
    InquiryReceived received = received(Channel.WEB_FORM, TUESDAY_MORNING);
    ClockBatch batch = batchFor(defaults(MOSCOW), received);

    batch.apply(received);

    ClockStarted started = single(batch.events(), ClockStarted.class);
    assertThat(started.businessTime()).isTrue();
    assertThat(started.zone()).isEqualTo("Europe/Moscow");
    assertThat(started.offHours()).isFalse();
    assertThat(started.dueAt()).isEqualTo(Instant.parse("2026-11-24T09:19:00Z"));
  }

  @Test
  void aWebFormWrittenAfterOfficeHoursIsOffHoursAndDueAnHourIntoTheNextDay() {
    InquiryReceived received = received(Channel.WEB_FORM, TUESDAY_EVENING);
    ClockBatch batch = batchFor(defaults(MOSCOW), received);

    batch.apply(received);

    ClockStarted started = single(batch.events(), ClockStarted.class);
    assertThat(started.zone()).isEqualTo("Europe/Moscow");
    assertThat(started.offHours()).isTrue();
    assertThat(started.dueAt())
        .as("Wednesday 10:00 Moscow time")
        .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
  }

  @Test
  void aCalendarConfiguredWithItsOwnZoneDecidesTheZoneAndTheHours() {
    Calendars berlinOffice =
        Calendars.withDefaults(
            Map.of(
                "office",
                Calendars.parse("office", "Europe/Berlin", "MON-FRI 09:00-18:00", List.of())),
            MOSCOW);
    // 08:30 in Berlin, 10:30 in Moscow: closed by the calendar's own zone, open by Moscow's.
    InquiryReceived early = received(Channel.EMAIL, Instant.parse("2026-11-24T07:30:00Z"));
    InquiryReceived open = received(Channel.EMAIL, Instant.parse("2026-11-24T08:30:00Z"));
    ClockBatch batch = batchFor(berlinOffice, early, open);

    batch.apply(early);
    batch.apply(open);

    List<ClockStarted> started = all(batch.events(), ClockStarted.class);
    assertThat(started).extracting(ClockStarted::zone).containsOnly("Europe/Berlin");
    assertThat(started).extracting(ClockStarted::offHours).containsExactly(true, false);
    assertThat(started)
        .extracting(ClockStarted::dueAt)
        .containsExactly(
            Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T09:30:00Z"));
  }

  @Test
  void aBatchAppliesItsEventsInOrderAndWritesEachClockOnce() {
    InquiryReceived received = received(Channel.CHAT, TUESDAY_MORNING);
    String id = received.inquiryId();
    ClockBatch batch = batchFor(defaults(MOSCOW), received);

    batch.apply(received);
    batch.apply(prioritized(id, TUESDAY_MORNING.plusSeconds(1), Priority.P1));
    batch.apply(operatorReplied(id, TUESDAY_MORNING.plusSeconds(30)));

    assertThat(batch.events())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("ClockStarted", "ClockStopped");
    ClockStopped stopped = single(batch.events(), ClockStopped.class);
    assertThat(stopped.met()).isTrue();
    assertThat(stopped.elapsedSeconds()).isEqualTo(30);
    assertThat(batch.changedClocks()).hasSize(2);
    SlaClock first = clock(batch, ClockKind.FIRST_RESPONSE);
    SlaClock resolution = clock(batch, ClockKind.RESOLUTION);
    assertThat(batch.timers().get(first.id)).as("an answered clock fires nothing").isEmpty();
    assertThat(resolution.dueAt).isEqualTo(TUESDAY_MORNING.plus(Duration.ofHours(4)));
    assertThat(resolution.rule).isEqualTo("resolution-p1");
    assertThat(batch.timers().get(resolution.id))
        .contains(new TimerPlan.Timer(Kind.BREACH, 0, resolution.dueAt));
    assertThat(batch.changedInquiries())
        .singleElement()
        .satisfies(inquiry -> assertThat(inquiry.priority).isEqualTo(Priority.P1));
    assertThat(metered)
        .containsExactly(
            "started FIRST_RESPONSE CHAT P3",
            "started RESOLUTION CHAT P3",
            "stopped FIRST_RESPONSE CHAT P1 met 30s");
  }

  @Test
  void anInquiryReceivedAgainKeepsTheClocksItHas() {
    InquiryReceived received = received(Channel.PHONE, TUESDAY_MORNING);
    ClockBatch first = batchFor(defaults(MOSCOW), received);
    first.apply(received);
    List<SlaClock> loaded = List.copyOf(first.changedClocks());
    InquiryReceived again =
        EventFixtures.inquiryReceived()
            .inquiryId(received.inquiryId())
            .channel(Channel.PHONE)
            .occurredAt(TUESDAY_MORNING.plusSeconds(600))
            .build();

    ClockBatch second = new ClockBatch(moves(defaults(MOSCOW)), List.of(inquiry(again)), loaded);
    second.apply(again);

    assertThat(second.events()).isEmpty();
    assertThat(second.changedClocks()).isEmpty();
    assertThat(second.timers()).isEmpty();
  }

  @Test
  void machineWrittenMailConcernsNoInquiryAndStartsNothing() {
    InquiryReceived automatic = EventFixtures.inquiryReceived().automatic(true).build();
    ClockBatch batch = new ClockBatch(moves(defaults(MOSCOW)), List.of(), List.of());

    assertThat(ClockBatch.concerns(automatic)).isFalse();
    batch.apply(automatic);

    assertThat(batch.events()).isEmpty();
    assertThat(batch.changedClocks()).isEmpty();
  }

  @Test
  void waitingOnTheCustomerPausesResolutionAndTheirReplyResumesIt() {
    InquiryReceived received = received(Channel.EMAIL, TUESDAY_MORNING);
    String id = received.inquiryId();
    Instant t = TUESDAY_MORNING;
    ClockBatch batch = batchFor(defaults(MOSCOW), received);

    batch.apply(prioritized(id, t, Priority.P1));
    batch.apply(received);
    batch.apply(
        statusChanged(
            id,
            t.plus(Duration.ofHours(1)),
            InquiryStatus.ACCEPTED,
            InquiryStatus.WAITING_ON_CUSTOMER));
    SlaClock resolution = clock(batch, ClockKind.RESOLUTION);
    assertThat(batch.timers().get(resolution.id)).as("no breach while paused").isEmpty();
    batch.apply(customerReplied(id, t.plus(Duration.ofHours(3))));

    assertThat(single(batch.events(), ClockPaused.class).remainingSeconds()).isEqualTo(3 * 3600);
    ClockResumed resumed = single(batch.events(), ClockResumed.class);
    assertThat(resumed.dueAt()).isEqualTo(t.plus(Duration.ofHours(6)));
    assertThat(batch.timers().get(resolution.id)).isNotEmpty();
    assertThat(all(batch.events(), ClockStarted.class))
        .as("still waiting for the first answer: no next-response clock")
        .extracting(ClockStarted::clock)
        .containsExactly(ClockKind.FIRST_RESPONSE);
  }

  @Test
  void aCustomerReplyAfterTheAnswerStartsOneNextResponseClock() {
    InquiryReceived received = received(Channel.CHAT, TUESDAY_MORNING);
    String id = received.inquiryId();
    Instant t = TUESDAY_MORNING;
    ClockBatch batch = batchFor(defaults(MOSCOW), received);

    batch.apply(received);
    batch.apply(operatorReplied(id, t.plusSeconds(60)));
    batch.apply(customerReplied(id, t.plusSeconds(300)));
    batch.apply(customerReplied(id, t.plusSeconds(360)));
    batch.apply(operatorReplied(id, t.plusSeconds(480)));

    List<ClockStarted> next =
        all(batch.events(), ClockStarted.class).stream()
            .filter(e -> e.clock() == ClockKind.NEXT_RESPONSE)
            .toList();
    assertThat(next)
        .singleElement()
        .satisfies(e -> assertThat(e.dueAt()).isEqualTo(t.plusSeconds(420)));
    ClockStopped stopped =
        all(batch.events(), ClockStopped.class).stream()
            .filter(e -> e.clock() == ClockKind.NEXT_RESPONSE)
            .findFirst()
            .orElseThrow();
    assertThat(stopped.met()).isFalse();
    assertThat(stopped.elapsedSeconds()).isEqualTo(180);
  }

  @Test
  void anEventOfAnInquiryTheBatchDidNotLoadIsRefused() {
    ClockBatch batch = new ClockBatch(moves(defaults(MOSCOW)), List.of(), List.of());

    assertThatThrownBy(
            () -> batch.apply(operatorReplied(UUID.randomUUID().toString(), TUESDAY_MORNING)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static Calendars defaults(ZoneId home) {
    return Calendars.withDefaults(Map.of(), home);
  }

  private static InquiryReceived received(Channel channel, Instant at) {
    return EventFixtures.inquiryReceived().channel(channel).occurredAt(at).build();
  }

  /** A batch with the rows of the events' inquiries, as the database gives new ones. */
  private ClockBatch batchFor(Calendars calendars, InquiryEvent... events) {
    List<SlaInquiry> inquiries = new ArrayList<>();
    for (InquiryEvent event : events) {
      inquiries.add(inquiry(event));
    }
    return new ClockBatch(moves(calendars), inquiries, List.of());
  }

  private static SlaInquiry inquiry(InquiryEvent event) {
    return new SlaInquiry(UUID.fromString(event.inquiryId()));
  }

  private ClockMoves moves(Calendars calendars) {
    TimerSchedule schedule =
        new TimerSchedule(
            List.of(Duration.ofMinutes(10), Duration.ofMinutes(1)),
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30)),
            Set.of(Priority.P1, Priority.P2),
            calendars.get(Calendars.ALWAYS));
    return new ClockMoves(
        SlaPolicy.defaults(),
        calendars,
        schedule,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new ClockMoves.Meter() {
          @Override
          public void clockStarted(ClockKind clock, Channel channel, Priority priority) {
            metered.add("started " + clock + " " + channel + " " + priority);
          }

          @Override
          public void clockStopped(
              ClockKind clock, Channel channel, Priority priority, boolean met, Duration counted) {
            metered.add(
                "stopped %s %s %s %s %ds"
                    .formatted(
                        clock, channel, priority, met ? "met" : "missed", counted.toSeconds()));
          }
        });
  }

  private static SlaClock clock(ClockBatch batch, ClockKind kind) {
    return batch.changedClocks().stream().filter(c -> c.kind == kind).findFirst().orElseThrow();
  }

  private static <T> T single(Collection<InquiryEvent> events, Class<T> type) {
    List<T> matching = all(events, type);
    assertThat(matching).hasSize(1);
    return matching.getFirst();
  }

  private static <T> List<T> all(Collection<InquiryEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
