package io.switchboard.platform.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Test-only crash points. Started with {@code -Dswitchboard.fault.halt-file=<path>}, the JVM
 * watches that file; once it holds {@code AFTER_PUBLISH_BEFORE_DELETE@3}, the JVM halts, as a kill
 * -9 would, the third time from then that the relay reaches that point. Armed while running, the
 * fault suite needs no restart to arm a service. Without the property every call is a single field
 * read; production never sets it.
 */
public final class FaultHooks {
  private static final Logger LOG = Logger.getLogger(FaultHooks.class);
  private static final String PROPERTY = "switchboard.fault.halt-file";
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(50);

  /** A point to halt at, and how often it has been reached since it was armed. */
  record Armed(FaultPoint point, int after, AtomicInteger reached) {}

  private static volatile Armed armed;

  static {
    String file = System.getProperty(PROPERTY, "").strip();
    if (!file.isEmpty()) {
      Thread.ofPlatform().daemon().name("fault-hook-watch").start(() -> watch(Path.of(file)));
    }
  }

  private FaultHooks() {}

  public static void reached(FaultPoint point) {
    Armed current = armed;
    if (current != null
        && current.point() == point
        && current.reached().incrementAndGet() == current.after()) {
      LOG.errorf("Fault hook: halting at %s as asked through %s", point, PROPERTY);
      Runtime.getRuntime().halt(137);
    }
  }

  private static void watch(Path file) {
    String seen = "";
    while (true) {
      String spec = read(file);
      if (!spec.equals(seen)) {
        seen = spec;
        arm(spec);
      }
      try {
        Thread.sleep(WATCH_INTERVAL);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void arm(String spec) {
    try {
      armed = parse(spec);
    } catch (IllegalArgumentException unreadable) {
      armed = null;
      LOG.errorf("Fault hook: cannot read '%s' (<FaultPoint>[@<n>]): disarmed", spec);
      return;
    }
    if (armed != null) {
      LOG.warnf("Fault hook armed: this JVM halts at %s number %d", armed.point(), armed.after());
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file).strip() : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** {@code <FaultPoint>[@<n>]}; blank disarms. */
  static Armed parse(String spec) {
    if (spec.isEmpty()) {
      return null;
    }
    int at = spec.indexOf('@');
    FaultPoint point = FaultPoint.valueOf(at < 0 ? spec : spec.substring(0, at));
    int after = at < 0 ? 1 : Integer.parseInt(spec.substring(at + 1));
    return new Armed(point, after, new AtomicInteger());
  }
}
