package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.devstack.MailServer;
import io.switchboard.devstack.Ports;
import io.switchboard.devstack.SwitchboardService;
import io.switchboard.devstack.sim.SupportDay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A short simulated support day (two busy morning hours at 60× speed, about two minutes) against
 * the four packaged services on the harness's broker and PostgreSQL: customers write on all five
 * channels, operators of a small team work their shifts through the public APIs, and the simulator
 * judges the outcome and compares its ground truth with the system's reports, metrics and topics.
 * The simulator's exit status must be success, and its report must have every section.
 *
 * <p>The services run with devstack's mail server (whose viewer the customers read their mail from,
 * as in the local run), providers for chat, SMS and Telegram that accept everything (so that every
 * channel can be acknowledged), a directory with shifts and skills, and escalation times the two
 * minutes can see; the simulator is told the same. The seed fixes the day.
 */
class SupportDaySimulationIT {
  private static final Path ROOT = Path.of(System.getProperty("sbtest.root"));
  private static final String ESCALATE_AFTER = "20s,40s,60s";

  private static final String DIRECTORY =
      """
      teams:
        - {id: support, name: Support, supervisor: lead-1, routingMode: LEAST_LOADED}
      operators:
        - id: duty-1
          team: support
          name: Дежурный Олег
          email: duty-1@switchboard.local
          alwaysPresent: true
          capacity: {default: 2, CHAT: 1, PHONE: 1}
          schedule: {alwaysOn: true}
        - id: anna
          team: support
          name: Анна
          email: anna@switchboard.local
          languages: [ru, en]
          capacity: {default: 3, CHAT: 2, PHONE: 1}
          schedule: {alwaysOn: true}
        - id: boris
          team: support
          name: Борис
          email: boris@switchboard.local
          languages: [ru]
          topics: [billing, technical]
          capacity: {default: 3, CHAT: 2, PHONE: 1}
          schedule: {alwaysOn: true}
        - id: vera
          team: support
          name: Вера
          email: vera@switchboard.local
          languages: [ru, en]
          topics: [delivery, callback]
          capacity: {default: 3, CHAT: 2, PHONE: 2}
          schedule: {alwaysOn: true}
        - id: gleb
          team: support
          name: Глеб
          email: gleb@switchboard.local
          languages: [ru]
          capacity: {default: 2, CHAT: 1, PHONE: 1}
          schedule: {alwaysOn: true}
        - id: duty-2
          team: support
          name: Дежурная Ирина (вечерняя смена)
          email: duty-2@switchboard.local
          alwaysPresent: false
          capacity: {default: 2, CHAT: 1, PHONE: 1}
          schedule: {alwaysOn: true}
      """;

  @Test
  void aShortSupportDayKeepsItsPromisesAndTheSystemsFiguresAgree() throws IOException {
    Path work = ROOT.resolve("e2e-tests/target/support-day");
    deleteRecursively(work);
    Files.createDirectories(work);
    Path directory = work.resolve("directory.yaml");
    Files.writeString(directory, DIRECTORY, StandardCharsets.UTF_8);
    HttpServer providers = acceptingProviders();
    int smtp = Ports.free();
    try (MailServer mail = MailServer.start(smtp, Ports.free(), work.resolve("mail"));
        RunningSystem system =
            new RunningSystem(
                List.of(SwitchboardService.values()),
                Map.of(),
                settings(directory, providers),
                smtp)) {
      int status =
          SupportDay.run(
              new String[] {
                "--ingest", system.url(SwitchboardService.INGEST),
                "--routing", system.url(SwitchboardService.ROUTING),
                "--sla", system.url(SwitchboardService.SLA),
                "--notification", system.url(SwitchboardService.NOTIFICATION),
                "--mail", mail.viewerUrl().replaceAll("/$", ""),
                "--bootstrap", system.bootstrapServers(),
                "--topic-prefix", system.topicPrefix(),
                "--jwt-key", ROOT.resolve("routing-service/dev-jwt/private-key.pem").toString(),
                "--start", "MON-08:30",
                "--hours", "2",
                "--speed", "60",
                "--peak-per-hour", "36",
                "--seed", "7",
                "--ack-media", "EMAIL,SMS,CHAT,TELEGRAM",
                "--escalate-after", ESCALATE_AFTER,
                "--drain-minutes", "2",
                "--out", work.resolve("reports").toString()
              });
      String report = Files.readString(newest(work.resolve("reports")), StandardCharsets.UTF_8);
      assertThat(report).contains(SupportDay.reportSections());
      assertThat(status).as("the simulator's exit status; its report:%n%s", report).isZero();
      assertThat(report).contains("RESULT: PASSED");
    } finally {
      providers.stop(0);
    }
  }

  /**
   * The directory with shifts and skills; escalation times and forwarding checks the run can see;
   * chat, SMS and Telegram providers that accept everything.
   */
  private static Map<SwitchboardService, Map<String, String>> settings(
      Path directory, HttpServer providers) {
    String accepting = "http://127.0.0.1:" + providers.getAddress().getPort();
    return Map.of(
        SwitchboardService.ROUTING,
        Map.of("switchboard.routing.directory-file", directory.toString()),
        SwitchboardService.SLA,
        Map.of("sla.timers.escalate-after", ESCALATE_AFTER, "sla.timers.alert-calendar", "24/7"),
        SwitchboardService.NOTIFICATION,
        Map.of(
            "switchboard.notification.chat.webhook-url", accepting + "/chat",
            "switchboard.notification.sms.gateway-url", accepting + "/sms",
            "switchboard.notification.telegram.bot-token", "support-day",
            "switchboard.notification.telegram.base-url", accepting + "/telegram"));
  }

  private static HttpServer acceptingProviders() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] ok =
              "{\"ok\":true,\"result\":{\"message_id\":1}}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static Path newest(Path reports) throws IOException {
    try (Stream<Path> files = Files.list(reports)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".txt"))
          .max(Comparator.comparing(f -> f.getFileName().toString()))
          .orElseThrow(() -> new AssertionError("the simulator wrote no report in " + reports));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.forEach(paths::add);
    }
    for (Path path : paths.reversed()) {
      Files.delete(path);
    }
  }
}
