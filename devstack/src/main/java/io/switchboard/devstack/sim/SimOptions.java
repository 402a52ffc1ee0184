package io.switchboard.devstack.sim;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's settings, from {@code ./simulate.sh} arguments. The defaults drive the local run
 * ({@code ./run.sh}) with its development credentials; every URL, key and token can point at
 * another deployment.
 *
 * @param startDay the simulated weekday the day starts on
 * @param startTime the simulated time of day of the first moment
 * @param hours simulated hours of arrivals
 * @param speed simulated seconds per real second, for the simulator's own timing and the SLA
 *     policy's targets
 * @param peakPerHour new inquiries in the busiest simulated hour (weekday and hour shape the rest)
 * @param enrol operators the simulator adds to the directory before the day (0: the directory as it
 *     is)
 * @param ackMedia the media this deployment can acknowledge on (the local run: EMAIL only)
 * @param escalateAfter sla-service's {@code sla.timers.escalate-after}, which no API tells
 * @param drainMinutes the longest real wait after the last arrival for the day's work to end
 * @param allowanceMillis pipeline time not counted as "waiting while an operator had room"
 */
record SimOptions(
    String ingestUrl,
    String routingUrl,
    String slaUrl,
    String notificationUrl,
    String mailUrl,
    String bootstrap,
    String topicPrefix,
    String webFormKey,
    String emailKey,
    String chatSecret,
    String pbxSecret,
    String telegramSecret,
    String supportAddress,
    Path jwtKey,
    String jwtIssuer,
    String adminToken,
    Map<String, String> operatorTokens,
    DayOfWeek startDay,
    LocalTime startTime,
    double hours,
    double speed,
    double peakPerHour,
    long seed,
    int enrol,
    Set<String> ackMedia,
    List<Duration> escalateAfter,
    boolean scalePolicy,
    double forgetShare,
    double declineShare,
    double drainMinutes,
    long allowanceMillis,
    Path out,
    String commit) {

  static final String USAGE =
      """
      ./simulate.sh [options]   a simulated support day through the system's public interfaces

      The day
        --start DAY-HH:MM          simulated start, e.g. MON-07:00 (default)
        --hours H                  simulated hours of arrivals (default 10)
        --speed S                  simulated seconds per real second (default 60: 10 h in 10 min);
                                   the SLA policy's targets are divided by it during the run
        --peak-per-hour N          new inquiries in the busiest simulated hour (default 40)
        --seed N                   the random seed: same options, same day (default 42)
        --forget F / --decline F   share of assignments an operator forgets / declines
                                   (defaults 0.03 / 0.05)
        --drain-minutes M          longest real wait for the day's work after the last arrival
                                   (default 5)
        --allowance-ms N           pipeline time an inquiry may wait unassigned while an operator
                                   has room before it counts (default 5000)
        --enrol N                  add N operators (sim-op-1..N, always on shift for routing; the
                                   simulator runs their shifts) to the directory's first team
        --no-policy-scaling        keep the SLA policy as it is (then use --speed 1)

      The deployment (defaults: the local run; ports follow SWITCHBOARD_*_PORT)
        --ingest URL --routing URL --sla URL --notification URL
        --mail URL                 the mail viewer listing what customers received; "none" to skip
        --bootstrap HOST:PORT      the Kafka broker (the public topics); --topic-prefix P
        --web-form-key K --email-key K --chat-secret S --pbx-secret S --telegram-secret S
        --support-address A        mail from it is an operator's answer (support@switchboard.local)
        --jwt-key PEM              sign tokens with this key (routing-service/dev-jwt/private-key.pem)
        --jwt-issuer I             (switchboard)
        --admin-token T            a token with roles admin and supervisor instead of --jwt-key
        --operator-token ID=T      a token for operator ID (repeat) instead of --jwt-key
        --ack-media M1,M2          media this deployment acknowledges on: EMAIL, SMS, CHAT,
                                   TELEGRAM (default EMAIL: the local run has no other provider)
        --escalate-after D1,D2,..  sla-service's sla.timers.escalate-after (default 5m,15m,30m)
        --out DIR                  report directory (default target/sim)
      """;

  static SimOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    Set<String> flags = new java.util.HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        case "--no-policy-scaling" -> flags.add(arg);
        case "--operator-token" -> {
          String pair = value(args, ++i, arg);
          int eq = pair.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--operator-token wants ID=TOKEN");
          }
          tokens.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        default -> {
          if (!arg.startsWith("--") || !KNOWN.contains(arg)) {
            throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
          }
          values.put(arg, value(args, ++i, arg));
        }
      }
    }
    String[] start = values.getOrDefault("--start", "MON-07:00").split("-", 2);
    if (start.length != 2) {
      throw new IllegalArgumentException("--start wants DAY-HH:MM, e.g. MON-07:00");
    }
    SimOptions options =
        new SimOptions(
            values.getOrDefault("--ingest", local("INGEST", 8081)),
            values.getOrDefault("--routing", local("ROUTING", 8082)),
            values.getOrDefault("--sla", local("SLA", 8083)),
            values.getOrDefault("--notification", local("NOTIFICATION", 8084)),
            values.getOrDefault("--mail", local("MAIL_VIEWER", 8025)),
            values.getOrDefault("--bootstrap", "127.0.0.1:" + port("KAFKA", 9092)),
            values.getOrDefault("--topic-prefix", ""),
            values.getOrDefault("--web-form-key", "local-dev-web-form-key"),
            values.getOrDefault("--email-key", "local-dev-email-key"),
            values.getOrDefault("--chat-secret", "local-dev-chat-secret"),
            values.getOrDefault("--pbx-secret", "local-dev-pbx-secret"),
            values.getOrDefault("--telegram-secret", "local-dev-telegram-secret"),
            values.getOrDefault("--support-address", "support@switchboard.local"),
            Path.of(values.getOrDefault("--jwt-key", "routing-service/dev-jwt/private-key.pem")),
            values.getOrDefault("--jwt-issuer", "switchboard"),
            values.get("--admin-token"),
            Map.copyOf(tokens),
            day(start[0]),
            LocalTime.parse(start[1]),
            Double.parseDouble(values.getOrDefault("--hours", "10")),
            Double.parseDouble(values.getOrDefault("--speed", "60")),
            Double.parseDouble(values.getOrDefault("--peak-per-hour", "40")),
            Long.parseLong(values.getOrDefault("--seed", "42")),
            Integer.parseInt(values.getOrDefault("--enrol", "0")),
            media(values.getOrDefault("--ack-media", "EMAIL")),
            durations(values.getOrDefault("--escalate-after", "5m,15m,30m")),
            !flags.contains("--no-policy-scaling"),
            Double.parseDouble(values.getOrDefault("--forget", "0.03")),
            Double.parseDouble(values.getOrDefault("--decline", "0.05")),
            Double.parseDouble(values.getOrDefault("--drain-minutes", "5")),
            Long.parseLong(values.getOrDefault("--allowance-ms", "5000")),
            Path.of(values.getOrDefault("--out", "target/sim")),
            values.getOrDefault("--commit", "?"));
    if (options.hours <= 0 || options.speed < 1 || options.peakPerHour <= 0) {
      throw new IllegalArgumentException("--hours and --peak-per-hour above 0, --speed 1 or more");
    }
    if (!options.scalePolicy && options.speed != 1) {
      System.err.println(
          "Note: --no-policy-scaling with --speed "
              + options.speed
              + ": the SLA targets stay real-time while the day runs faster.");
    }
    return options;
  }

  private static final Set<String> KNOWN =
      Set.of(
          "--start",
          "--hours",
          "--speed",
          "--peak-per-hour",
          "--seed",
          "--forget",
          "--decline",
          "--drain-minutes",
          "--allowance-ms",
          "--enrol",
          "--ingest",
          "--routing",
          "--sla",
          "--notification",
          "--mail",
          "--bootstrap",
          "--topic-prefix",
          "--web-form-key",
          "--email-key",
          "--chat-secret",
          "--pbx-secret",
          "--telegram-secret",
          "--support-address",
          "--jwt-key",
          "--jwt-issuer",
          "--admin-token",
          "--ack-media",
          "--escalate-after",
          "--out",
          "--commit");

  boolean readsMail() {
    return !"none".equalsIgnoreCase(mailUrl);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String local(String service, int fallback) {
    return "http://127.0.0.1:" + port(service, fallback);
  }

  private static int port(String name, int fallback) {
    String value = System.getenv("SWITCHBOARD_" + name + "_PORT");
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static DayOfWeek day(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(wanted) && wanted.length() >= 3) {
        return day;
      }
    }
    throw new IllegalArgumentException("--start: unknown weekday " + text);
  }

  private static Set<String> media(String list) {
    Set<String> media = new java.util.TreeSet<>();
    Set<String> known = Set.of("EMAIL", "SMS", "CHAT", "TELEGRAM");
    for (String medium : list.split(",")) {
      String m = medium.trim().toUpperCase(Locale.ROOT);
      if (!m.isEmpty()) {
        if (!known.contains(m)) {
          throw new IllegalArgumentException("--ack-media: unknown medium " + medium);
        }
        media.add(m);
      }
    }
    return Set.copyOf(media);
  }

  /** {@code 5m,15m,30m}, {@code 90s}, {@code 1h} or ISO-8601. */
  static List<Duration> durations(String list) {
    List<Duration> durations = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      if (p.startsWith("p")) {
        durations.add(Duration.parse(p.toUpperCase(Locale.ROOT)));
      } else {
        long amount = Long.parseLong(p.substring(0, p.length() - 1));
        durations.add(
            switch (p.charAt(p.length() - 1)) {
              case 's' -> Duration.ofSeconds(amount);
              case 'm' -> Duration.ofMinutes(amount);
              case 'h' -> Duration.ofHours(amount);
              default -> throw new IllegalArgumentException("not a duration: " + part);
            });
      }
    }
    return List.copyOf(durations);
  }
}
