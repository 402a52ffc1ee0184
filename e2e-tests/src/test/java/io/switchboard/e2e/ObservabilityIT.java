package io.switchboard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.ValidatableResponse;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.Topics;
import io.switchboard.devstack.Ports;
import io.switchboard.devstack.ServiceProcess;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.e2e.Channels.Sent;
import io.switchboard.e2e.DashboardQueries.PanelQuery;
import io.switchboard.e2e.DashboardQueries.Rule;
import io.switchboard.e2e.PrometheusServer.QueryResult;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.KafkaTestClient;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the provisioned Grafana dashboards and the Prometheus alert rules on the running system:
 * the four packaged services take traffic on every channel, operators work inquiries through the
 * routing API, SLA targets are missed and escalated, a customer rates, a notification provider
 * fails and a poison record is dead-lettered; a real Prometheus (the Debian package) scrapes the
 * services and evaluates ops/prometheus/alerts.yml. Then every panel query of every dashboard must
 * return series, every rule must evaluate without error, the alerts this traffic provokes must go
 * pending, and promtool must accept and unit-test the rules.
 */
class ObservabilityIT {
  private static final Path ROOT = Path.of(System.getProperty("sbtest.root"));
  private static final Duration FIRST_RESPONSE_TARGET = Duration.ofSeconds(20);
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /** The alerts this test's traffic provokes; the others are proven by promtool's unit tests. */
  private static final List<String> PROVOKED =
      List.of("SlaBreachRateHigh", "DeadLetters", "NotificationFailures");

  private static final DashboardQueries QUERIES = new DashboardQueries(ROOT);
  private static final Map<String, Long> TIMINGS = new LinkedHashMap<>();
  private static HttpServer providers;
  private static RunningSystem system;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws IOException {
    PrometheusServer.requireInstalled();
    long started = System.nanoTime();
    providers = acceptingProviders();
    system =
        new RunningSystem(List.of(SwitchboardService.values()), Map.of(), shortTimesAndProviders());
    Path work = ROOT.resolve("e2e-tests/target/observability-prometheus");
    deleteRecursively(work);
    prometheus = PrometheusServer.start(system.processes(), QUERIES.alertRules(), work);
    TIMINGS.put("services and Prometheus started", millisSince(started));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (system != null) {
      system.close();
    }
    if (providers != null) {
      providers.stop(0);
    }
  }

  @Test
  void everyPanelAndRuleWorksOnTheRunningSystem() {
    String checked = promtool("check", "rules", QUERIES.alertRules().toString());
    assertThat(checked).contains("SUCCESS: " + QUERIES.rules().size() + " rules found");
    assertThat(promtool("test", "rules", QUERIES.alertTests().toString())).contains("SUCCESS");

    long trafficStarted = System.nanoTime();
    driveTrafficThroughEveryChannel();
    TIMINGS.put("traffic: answers, breaches, ratings, a dead letter", millisSince(trafficStarted));

    long queriesStarted = System.nanoTime();
    Map<PanelQuery, QueryResult> panels = awaitSeriesForEveryPanelQuery();
    TIMINGS.put("every panel query returned series", millisSince(queriesStarted));
    // Figures the traffic fixes: every channel received inquiries and answered one late, and the
    // heat map counts every new inquiry (Prometheus started before the first one).
    assertThat(values(panels, "overview.json", "Inquiries received in the time range, by channel"))
        .containsOnlyKeys(channelNames())
        .allSatisfy((channel, count) -> assertThat(count).as(channel).isGreaterThan(0));
    assertThat(values(panels, "overview.json", "Answered late share, by channel"))
        .containsOnlyKeys(channelNames())
        .allSatisfy((channel, share) -> assertThat(share).as(channel).isBetween(0.01, 1.0));
    assertThat(
            values(panels, "arrivals.json", "Arrivals heat map: weekday × hour (time range)")
                .values()
                .stream()
                .mapToDouble(Double::doubleValue)
                .sum())
        .isEqualTo(2.0 * Channel.values().length);

    long rulesStarted = System.nanoTime();
    List<Rule> rules = QUERIES.rules();
    Map<String, QueryResult> conditions = new LinkedHashMap<>();
    rules.forEach(r -> conditions.put(r.name(), prometheus.query(r.expr())));
    assertThat(
            conditions.entrySet().stream()
                .filter(e -> e.getValue().failed())
                .map(e -> e.getKey() + ": " + e.getValue().error()))
        .as("rule expressions Prometheus refused")
        .isEmpty();
    Map<String, JsonNode> loaded = awaitHealthyRulesAndProvokedAlerts(rules);
    awaitServiceDownWhenOneStops(SwitchboardService.NOTIFICATION);
    TIMINGS.put(
        "rules healthy, provoked alerts and ServiceDown pending", millisSince(rulesStarted));

    report(panels, rules, conditions, loaded);
  }

  private static Map<PanelQuery, QueryResult> awaitSeriesForEveryPanelQuery() {
    List<PanelQuery> panels = QUERIES.panelQueries();
    Map<PanelQuery, QueryResult> results = new LinkedHashMap<>();
    Awaitility.await("every dashboard panel query returns series")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              results.clear();
              panels.forEach(q -> results.put(q, prometheus.query(q.expr())));
              assertThat(failed(results)).as("panel queries Prometheus refused").isEmpty();
              assertThat(empty(results)).as("panel queries without series").isEmpty();
            });
    return results;
  }

  /** Every rule loaded and healthy; the alerts this traffic provokes pending or firing. */
  private static Map<String, JsonNode> awaitHealthyRulesAndProvokedAlerts(List<Rule> rules) {
    Awaitility.await("the provoked alerts pending or firing, every rule healthy")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, JsonNode> loaded = loadedRules();
              assertThat(loaded.keySet())
                  .containsExactlyInAnyOrderElementsOf(rules.stream().map(Rule::name).toList());
              loaded.forEach(
                  (name, rule) ->
                      assertThat(rule.path("health").asText())
                          .as(name + " health (" + rule.path("lastError").asText() + ")")
                          .isEqualTo("ok"));
              PROVOKED.forEach(
                  name -> assertThat(active(loaded.get(name))).as(name + " state").isTrue());
            });
    return loadedRules();
  }

  private static void awaitServiceDownWhenOneStops(SwitchboardService service) {
    ServiceProcess stopped =
        system.processes().stream().filter(p -> p.service() == service).findFirst().orElseThrow();
    stopped.close();
    Awaitility.await("ServiceDown pending for the stopped " + service.moduleName())
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(loadedRules().get("ServiceDown").path("alerts"))
                    .anySatisfy(
                        alert ->
                            assertThat(alert.path("labels").path("service").asText())
                                .isEqualTo(service.moduleName())));
  }

  private static void driveTrafficThroughEveryChannel() {
    Channels channels = new Channels(system.url(SwitchboardService.INGEST));
    KafkaTestClient kafka = system.kafka;
    List<Sent> answered = new ArrayList<>();
    List<Sent> late = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      // The unanswered one first: it does not mind the cold start of the services' first request.
      late.add(channels.newInquiry(channel));
      Sent inTime = channels.newInquiry(channel);
      answerAsAssignee(channels, inTime);
      answered.add(inTime);
    }
    channels.forgedChatMessage().statusCode(401);
    String poisonKey = UUID.randomUUID().toString();
    kafka.publishRaw(kafka.topic(Topics.INQUIRIES_INBOUND), poisonKey, "{not an event", Map.of());

    // Nobody accepts the others: they are forwarded, breach their target and escalate; the
    // supervisor resolves them late.
    for (Sent inquiry : late) {
      kafka.awaitEvent(
          SlaBreached.class,
          e -> e.inquiryId().equals(inquiry.inquiryId()) && e.clock() == ClockKind.FIRST_RESPONSE);
    }
    String supervisor = DevTokens.of("lead-1", "supervisor");
    late.forEach(inquiry -> routing(supervisor, inquiry, "resolve").statusCode(200));

    rateThroughCsatLink(answered.get(indexOf(answered, Channel.WEB_FORM)), 5);
    rateThroughCsatLink(answered.get(indexOf(answered, Channel.EMAIL)), 3);
    kafka.awaitRecord(
        kafka.topic(Topics.INQUIRIES_INBOUND) + ".routing.dlq", r -> poisonKey.equals(r.key()));
  }

  /** The assignee accepts, answers (in the chat, or through the API) and resolves the inquiry. */
  private static void answerAsAssignee(Channels channels, Sent inquiry) {
    String operator = acceptAsAssignee(inquiry);
    String token = DevTokens.of(operator, "operator");
    if (inquiry.channel() == Channel.CHAT) {
      channels.operatorChatReply(inquiry, operator).statusCode(202);
    } else {
      routing(token, inquiry, "replies").statusCode(200);
    }
    routing(token, inquiry, "resolve").statusCode(200);
  }

  /** Waits for the inquiry's assignee and accepts as them (forwarding may move it meanwhile). */
  private static String acceptAsAssignee(Sent inquiry) {
    String supervisor = DevTokens.of("lead-1", "supervisor");
    String[] operator = new String[1];
    Awaitility.await("inquiry " + inquiry.inquiryId() + " accepted by its assignee")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              var view =
                  given()
                      .baseUri(system.url(SwitchboardService.ROUTING))
                      .auth()
                      .oauth2(supervisor)
                      .get("/api/inquiries/" + inquiry.inquiryId())
                      .then()
                      .statusCode(200)
                      .extract();
              assertThat(view.<String>path("status")).isEqualTo("ASSIGNED");
              operator[0] = view.path("operatorId");
              routing(DevTokens.of(operator[0], "operator"), inquiry, "accept").statusCode(200);
            });
    return operator[0];
  }

  /** The customer follows the rating link of the resolution e-mail. */
  private static void rateThroughCsatLink(Sent inquiry, int score) {
    String address =
        Channels.email(inquiry.customer(), inquiry.channel() == Channel.EMAIL ? "mail" : "web");
    Pattern link = Pattern.compile("/csat/" + inquiry.inquiryId() + "\\?token=([A-Za-z0-9_-]+)");
    Matcher found =
        Awaitility.await("rating link mailed to the " + inquiry.channel() + " customer")
            .atMost(DEADLINE)
            .until(
                () ->
                    Arrays.stream(system.mail.getReceivedMessages())
                        .filter(m -> isTo(m, address))
                        .map(m -> link.matcher(text(m)))
                        .filter(Matcher::find)
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    given()
        .baseUri(system.url(SwitchboardService.NOTIFICATION))
        .contentType("application/json")
        .body(Map.of("token", found.group(1), "score", score))
        .post("/csat/" + inquiry.inquiryId())
        .then()
        .statusCode(202);
  }

  private static ValidatableResponse routing(String token, Sent inquiry, String action) {
    return given()
        .baseUri(system.url(SwitchboardService.ROUTING))
        .auth()
        .oauth2(token)
        .post("/api/inquiries/" + inquiry.inquiryId() + "/" + action)
        .then();
  }

  /**
   * Short SLA targets, forwarding and metric refreshes so that everything happens within seconds;
   * the chat and SMS providers accept everything; Telegram's API is unreachable, so its
   * notifications fail.
   */
  private static Map<SwitchboardService, Map<String, String>> shortTimesAndProviders() {
    Map<String, String> sla =
        Map.of(
            "sla.rules.first.clock", "FIRST_RESPONSE",
            "sla.rules.first.target", FIRST_RESPONSE_TARGET.toSeconds() + "s",
            "sla.rules.next.clock", "NEXT_RESPONSE",
            "sla.rules.next.target", "1h",
            "sla.rules.resolution.clock", "RESOLUTION",
            "sla.rules.resolution.target", "8h",
            "sla.timers.warn-before", "10s",
            "sla.timers.escalate-after", "2s,4s",
            "sla.timers.alert-calendar", "24/7");
    Map<String, String> routing = new LinkedHashMap<>();
    for (Channel channel : Channel.values()) {
      routing.put("switchboard.routing.forwarding.accept-timeout." + channel.name(), "8s");
    }
    routing.put("switchboard.routing.forwarding.default-accept-timeout", "8s");
    routing.put("switchboard.routing.forwarding.check-interval", "1s");
    routing.put("switchboard.routing.metrics.refresh-interval", "1s");
    String accepting = "http://127.0.0.1:" + providers.getAddress().getPort();
    Map<String, String> notification =
        Map.of(
            "switchboard.notification.chat.webhook-url",
            accepting + "/chat",
            "switchboard.notification.sms.gateway-url",
            accepting + "/sms",
            "switchboard.notification.telegram.bot-token",
            "observability-test",
            "switchboard.notification.telegram.base-url",
            "http://127.0.0.1:" + Ports.free(),
            "switchboard.notification.delivery.max-age",
            "2s",
            "switchboard.notification.delivery.initial-backoff",
            "0.2s");
    return Map.of(
        SwitchboardService.SLA, sla,
        SwitchboardService.ROUTING, routing,
        SwitchboardService.NOTIFICATION, notification);
  }

  /** The chat provider's and the SMS gateway's APIs: every message accepted. */
  private static HttpServer acceptingProviders() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static Map<String, JsonNode> loadedRules() {
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    prometheus
        .rules()
        .forEach(group -> group.path("rules").forEach(r -> rules.put(r.path("name").asText(), r)));
    return rules;
  }

  private static boolean active(JsonNode rule) {
    return rule != null && Set.of("pending", "firing").contains(rule.path("state").asText());
  }

  /** The values of a panel's queries, by their labels (e.g. {channel="EMAIL"}). */
  private static Map<String, Double> values(
      Map<PanelQuery, QueryResult> results, String dashboardFile, String panel) {
    Map<String, Double> values = new LinkedHashMap<>();
    results.entrySet().stream()
        .filter(e -> e.getKey().file().equals(dashboardFile) && e.getKey().panel().equals(panel))
        .flatMap(e -> e.getValue().series().stream())
        .forEach(
            s -> {
              List<String> labels = new ArrayList<>();
              s.path("metric").forEachEntry((name, value) -> labels.add(value.asText()));
              values.put(
                  String.join(" ", labels),
                  PrometheusServer.number(s.path("value").get(1).asText()));
            });
    return values;
  }

  private static String[] channelNames() {
    return Arrays.stream(Channel.values()).map(Channel::name).toArray(String[]::new);
  }

  private static List<String> failed(Map<PanelQuery, QueryResult> results) {
    return results.entrySet().stream()
        .filter(e -> e.getValue().failed())
        .map(e -> e.getKey().name() + ": " + e.getValue().error() + "\n    " + e.getKey().expr())
        .toList();
  }

  private static List<String> empty(Map<PanelQuery, QueryResult> results) {
    return results.entrySet().stream()
        .filter(e -> e.getValue().series().isEmpty())
        .map(e -> e.getKey().name() + "\n    " + e.getKey().expr())
        .toList();
  }

  private static void report(
      Map<PanelQuery, QueryResult> panels,
      List<Rule> rules,
      Map<String, QueryResult> ruleResults,
      Map<String, JsonNode> loaded) {
    StringBuilder out = new StringBuilder("Observability check (ObservabilityIT)\n");
    long dashboards = panels.keySet().stream().map(PanelQuery::file).distinct().count();
    long panelCount =
        panels.keySet().stream().map(q -> q.file() + "/" + q.panel()).distinct().count();
    out.append(
        "Dashboards: %d, panels: %d, queries: %d — every query returned series, none failed%n"
            .formatted(dashboards, panelCount, panels.size()));
    panels.forEach(
        (query, result) ->
            out.append(
                "  %-15s %-72s %3d series, max %s%n"
                    .formatted(
                        query.file(),
                        abbreviate(query.panel() + " [" + query.refId() + "]", 72),
                        result.series().size(),
                        result.max())));
    out.append(
        ("Rules: %d in %s — promtool check rules and promtool test rules (%s) passed; every rule"
                + " evaluated without error, health ok%n")
            .formatted(
                rules.size(),
                ROOT.relativize(QUERIES.alertRules()),
                ROOT.relativize(QUERIES.alertTests())));
    for (Rule rule : rules) {
      JsonNode state = loaded.get(rule.name());
      out.append(
          "  %-22s for %-3s %-8s condition now: %d series, state %s%n"
              .formatted(
                  rule.name(),
                  rule.forDuration(),
                  rule.severity(),
                  ruleResults.get(rule.name()).series().size(),
                  state == null ? "?" : state.path("state").asText()));
    }
    out.append("  ServiceDown went pending when notification-service was stopped\n");
    out.append("Timings (ms):\n");
    TIMINGS.forEach((step, ms) -> out.append("  %-60s %6d%n".formatted(step, ms)));
    String summary = out.toString();
    System.out.println(summary);
    try {
      Files.writeString(ROOT.resolve("e2e-tests/target/observability-summary.txt"), summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String promtool(String... args) {
    List<String> command = new ArrayList<>(List.of(PrometheusServer.PROMTOOL.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
      assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(List<Sent> sent, Channel channel) {
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).channel() == channel) {
        return i;
      }
    }
    throw new IllegalArgumentException(channel.name());
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().contains(address));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message's text, every part decoded. */
  private static String text(MimeMessage message) {
    try {
      return text(message.getContent());
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object content) throws IOException, jakarta.mail.MessagingException {
    if (content instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        all.append(text(part.getContent()));
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  private static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
