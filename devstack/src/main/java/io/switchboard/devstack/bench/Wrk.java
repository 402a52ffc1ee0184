package io.switchboard.devstack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk with the web-form script and reads back what its {@code done()} printed. */
final class Wrk {
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

  private Wrk() {}

  /**
   * @param rate requests per second over all connections; 0 for a closed loop
   */
  record Load(String baseUrl, int rate, int connections, int threads, Duration duration) {
    String describe() {
      return (rate > 0 ? "open loop at " + rate + "/s" : "closed loop")
          + ", "
          + connections
          + " connections, "
          + threads
          + " wrk thread"
          + (threads == 1 ? "" : "s")
          + ", "
          + duration.toSeconds()
          + " s";
    }
  }

  /**
   * What wrk saw. Latencies in milliseconds, from a request's send to its response, over every
   * response (refusals included).
   *
   * @param late open-loop sends that left more than 10 ms after their slot (no free connection)
   * @param cpuSeconds wrk's own user plus system CPU time
   */
  record Result(
      long requests,
      long sent,
      double seconds,
      long accepted,
      long limited,
      long unavailable,
      long other,
      long socketErrors,
      long timeouts,
      long late,
      double maxLateMs,
      Percentiles httpMs,
      double cpuSeconds,
      String output) {

    /** Requests sent that had no answer when the step ended: hung, or merely slow. */
    long unanswered() {
      return Math.max(0, sent - requests - socketErrors - timeouts);
    }

    double acceptedPerSecond() {
      return seconds > 0 ? accepted / seconds : Double.NaN;
    }
  }

  static Result run(Load load, String keyPrefix, String apiKey, Path workDir) {
    try {
      Path script = workDir.resolve(keyPrefix + ".lua");
      Files.writeString(script, script(load, keyPrefix, apiKey));
      Path output = workDir.resolve(keyPrefix + ".wrk.txt");
      // bash's times reports the CPU its children used: wrk's own cost, measured, not guessed.
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  "-c",
                  "wrk \"$@\"; status=$?; times; exit $status",
                  "wrk",
                  "-t" + load.threads(),
                  "-c" + load.connections(),
                  "-d" + load.duration().toSeconds() + "s",
                  "--timeout",
                  "30s",
                  "-s",
                  script.toString(),
                  load.baseUrl())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      Process process = builder.start();
      int status = process.waitFor();
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (status != 0 || !text.contains("BENCH-RESULT")) {
        throw new IllegalStateException("wrk failed (exit " + status + "):\n" + text);
      }
      return parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run wrk", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    }
  }

  private static String script(Load load, String keyPrefix, String apiKey) throws IOException {
    try (InputStream in = Wrk.class.getResourceAsStream("/bench/webform.lua")) {
      if (in == null) {
        throw new IllegalStateException("bench/webform.lua is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("__RATE__", Integer.toString(load.rate()))
          .replace("__THREADS__", Integer.toString(load.threads()))
          .replace("__PREFIX__", keyPrefix)
          .replace("__API_KEY__", apiKey);
    }
  }

  static Result parse(String text) {
    String line =
        text.lines().filter(l -> l.startsWith("BENCH-RESULT ")).reduce((a, b) -> b).orElseThrow();
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring("BENCH-RESULT ".length()).trim().split("\\s+")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    double cpu = Double.NaN;
    List<String> timesLines = text.lines().filter(l -> TIMES.matcher(l).find()).toList();
    if (!timesLines.isEmpty()) {
      // times prints the shell's own line, then its children's: wrk.
      Matcher m = TIMES.matcher(timesLines.getLast());
      if (m.find()) {
        cpu =
            Long.parseLong(m.group(1)) * 60
                + Double.parseDouble(m.group(2))
                + Long.parseLong(m.group(3)) * 60
                + Double.parseDouble(m.group(4));
      }
    }
    long requests = longOf(values, "requests");
    return new Result(
        requests,
        longOf(values, "sent"),
        longOf(values, "duration_us") / 1e6,
        longOf(values, "accepted"),
        longOf(values, "limited"),
        longOf(values, "unavailable"),
        longOf(values, "other"),
        longOf(values, "connect_errors")
            + longOf(values, "read_errors")
            + longOf(values, "write_errors"),
        longOf(values, "timeouts"),
        longOf(values, "late"),
        Double.parseDouble(values.getOrDefault("max_late_ms", "0")),
        new Percentiles(
            (int) requests,
            longOf(values, "p50_us") / 1000.0,
            longOf(values, "p99_us") / 1000.0,
            longOf(values, "p999_us") / 1000.0,
            longOf(values, "max_us") / 1000.0),
        cpu,
        text);
  }

  private static long longOf(Map<String, String> values, String key) {
    String value = values.get(key);
    return value == null ? 0 : (long) Double.parseDouble(value);
  }
}
