package io.switchboard.routing.inquiry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.Topics;
import io.switchboard.routing.Locks;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.routing.teamrule.TeamDecision;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * New inquiries routed a batch at a time on the real database and broker: decided in memory against
 * the team's capacity, written set-based, each inquiry's events in their usual order; and the
 * operators' profiles kept in memory, yet never used after a change, whoever made it.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class BatchRoutingTest extends RoutingTestBase {
  private static final String PREFIX = "switchboard.inquiry.";

  @Inject NewInquiries newInquiries;
  @Inject Locks locks;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void aBurstTakesEveryFreeSlotOnceUrgentFirstAndKeepsEachInquirysEventOrder() throws Throwable {
    String team = unique("burst");
    createTeam(team);
    for (String operator : List.of(team + "-a", team + "-b")) {
      createOperator(operator, team); // one chat slot each
      online(operator);
    }
    List<InquiryReceived> routine =
        IntStream.range(0, 5)
            .mapToObj(i -> EventFixtures.inquiryReceived().channel(Channel.CHAT).build())
            .toList();
    InquiryReceived urgent =
        EventFixtures.inquiryReceived()
            .channel(Channel.CHAT)
            .text("Оплата", "Списали деньги дважды", "ru")
            .build();
    List<InquiryReceived> batch =
        List.of(routine.get(0), routine.get(1), routine.get(2), urgent, routine.get(3));

    route(batch, team);

    Map<String, String> status = statuses(batch);
    assertThat(status.get(urgent.inquiryId())).isEqualTo("ASSIGNED");
    assertThat(status.values().stream().filter("ASSIGNED"::equals).count()).isEqualTo(2);
    assertThat(status.values().stream().filter("QUEUED"::equals).count()).isEqualTo(3);
    assertThat(openPerOperator(team))
        .containsOnly(Map.entry(team + "-a", 1L), Map.entry(team + "-b", 1L));

    Map<String, List<String>> types = awaitLifecycle(batch, 3);
    for (InquiryReceived r : batch) {
      String placed = "ASSIGNED".equals(status.get(r.inquiryId())) ? "assigned" : "queued";
      assertThat(types.get(r.inquiryId()))
          .as("events of %s", r.inquiryId())
          .containsExactly(PREFIX + "prioritized", PREFIX + placed, PREFIX + "status-changed");
    }
    assertThat(
            kafka.eventsSoFar(
                InquiryStatusChanged.class, e -> e.inquiryId().equals(urgent.inquiryId())))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("system"));
  }

  @Test
  void aReceiptRedeliveredUnderAnotherEventIdChangesNothing() throws Throwable {
    String team = unique("again");
    createTeam(team);
    createOperator(team + "-a", team);
    online(team + "-a");
    InquiryReceived first = EventFixtures.inquiryReceived().channel(Channel.EMAIL).build();
    route(List.of(first), team);
    InquiryReceived again =
        EventFixtures.inquiryReceived().inquiryId(first.inquiryId()).channel(Channel.CHAT).build();

    route(List.of(again), team);

    assertThat(statuses(List.of(first))).containsEntry(first.inquiryId(), "ASSIGNED");
    assertThat(openPerOperator(team)).containsOnly(Map.entry(team + "-a", 1L));
    assertThat(awaitLifecycle(List.of(first), 3).get(first.inquiryId())).hasSize(3);
  }

  /**
   * The profile a batch decides with is never older than the latest committed change: one made by
   * another instance (written straight to the row, as its directory does), one made through the
   * admin API, and a presence change.
   */
  @Test
  void cachedProfilesFollowEveryChangeWhoeverMadeIt() throws Throwable {
    String team = unique("cache");
    String operator = team + "-a";
    createTeam(team);
    createOperator(operator, team); // one chat slot
    online(operator);
    // Read and kept: one chat slot, now taken. (No chat is left queued: the queue timer would
    // take a slot freed by the changes below before the next batch could.)
    assertThat(routeOneChat(team)).as("first chat").isEqualTo("ASSIGNED");

    // Another instance's directory raises the chat capacity to 2.
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
      int changed =
          c.createStatement()
              .executeUpdate(
                  "update routing.operator set profile = replace(profile, '\"CHAT\":1',"
                      + " '\"CHAT\":2'), profile_version = profile_version + 1 where id = '"
                      + operator
                      + "'");
      assertThat(changed).isEqualTo(1);
    }
    assertThat(routeOneChat(team)).as("after another instance's change").isEqualTo("ASSIGNED");

    // Through this instance's admin API: capacity 4.
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "team",
                team,
                "name",
                operator,
                "capacity",
                Map.of("default", 5, "CHAT", 4),
                "schedule",
                Map.of("alwaysOn", true)))
        .put("/api/admin/operators/{id}", operator)
        .then()
        .statusCode(200);
    assertThat(routeOneChat(team)).as("after the API's change").isEqualTo("ASSIGNED");

    // Offline: room for a fourth chat, but nobody present.
    presence(operator, "OFFLINE");
    assertThat(routeOneChat(team)).as("after going offline").isEqualTo("QUEUED");
  }

  private String routeOneChat(String team) throws Throwable {
    InquiryReceived chat = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    route(List.of(chat), team);
    return statuses(List.of(chat)).get(chat.inquiryId());
  }

  /** One consumer batch's work: prepared, the team locked, routed; one transaction. */
  private void route(List<InquiryReceived> batch, String team) throws Throwable {
    Map<UUID, TeamDecision> teams = new HashMap<>();
    batch.forEach(
        r -> teams.put(UUID.fromString(r.inquiryId()), new TeamDecision(team, null, null)));
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    newInquiries
                        .prepare(batch, teams)
                        .chain(
                            prepared ->
                                locks
                                    .lockTeams(Set.of(team))
                                    .chain(held -> newInquiries.route(prepared, held)))));
  }

  /** Per inquiry, the types of its records on inquiries.lifecycle in topic order. */
  private Map<String, List<String>> awaitLifecycle(List<InquiryReceived> batch, int each) {
    Set<String> ids = batch.stream().map(InquiryReceived::inquiryId).collect(Collectors.toSet());
    return Awaitility.await("every event of the batch")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                kafka.recordsSoFar(kafka.topic(Topics.INQUIRIES_LIFECYCLE)).stream()
                    .filter(r -> ids.contains(r.key()))
                    .collect(
                        Collectors.groupingBy(
                            ConsumerRecord::key,
                            Collectors.mapping(
                                r -> KafkaTestClient.header(r, CloudEvents.TYPE),
                                Collectors.toList()))),
            types ->
                types.size() == ids.size()
                    && types.values().stream().allMatch(t -> t.size() >= each));
  }

  private Map<String, String> statuses(List<InquiryReceived> batch) throws SQLException {
    Map<String, String> status = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select id::text, status from routing.inquiry where id in ("
                        + batch.stream()
                            .map(r -> "'" + r.inquiryId() + "'")
                            .collect(Collectors.joining(","))
                        + ")")) {
      while (rows.next()) {
        status.put(rows.getString(1), rows.getString(2));
      }
    }
    return status;
  }

  private Map<String, Long> openPerOperator(String team) throws SQLException {
    Map<String, Long> open = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select operator_id, count(*) from routing.inquiry where team_id = '"
                        + team
                        + "' and operator_id is not null group by operator_id")) {
      while (rows.next()) {
        open.put(rows.getString(1), rows.getLong(2));
      }
    }
    return open;
  }

  private static void online(String operator) {
    presence(operator, "ONLINE");
  }

  private static void presence(String operator, String presence) {
    given()
        .auth()
        .oauth2(DevTokens.of(operator, "operator"))
        .contentType(ContentType.JSON)
        .body(Map.of("presence", presence))
        .put("/api/operators/me/presence")
        .then()
        .statusCode(200);
  }
}
