package io.switchboard.platform.fault;

import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Test-only crash points. {@code -Dswitchboard.fault.halt-at=AFTER_PUBLISH_BEFORE_DELETE@3} makes
 * the JVM halt, as a kill -9 would, the third time the relay reaches that point; without the
 * property every call is a single field read. Production never sets it.
 */
public final class FaultHooks {
  private static final Logger LOG = Logger.getLogger(FaultHooks.class);
  private static final String PROPERTY = "switchboard.fault.halt-at";
  private static final FaultPoint ARMED;
  private static final int AFTER;
  private static final AtomicInteger REACHED = new AtomicInteger();

  static {
    String spec = System.getProperty(PROPERTY, "").strip();
    if (spec.isEmpty()) {
      ARMED = null;
      AFTER = 0;
    } else {
      int at = spec.indexOf('@');
      ARMED = FaultPoint.valueOf(at < 0 ? spec : spec.substring(0, at));
      AFTER = at < 0 ? 1 : Integer.parseInt(spec.substring(at + 1));
      LOG.warnf("Fault hook armed: this JVM halts at %s number %d", ARMED, AFTER);
    }
  }

  private FaultHooks() {}

  public static void reached(FaultPoint point) {
    if (point == ARMED && REACHED.incrementAndGet() == AFTER) {
      LOG.errorf("Fault hook: halting at %s as asked by -D%s", point, PROPERTY);
      Runtime.getRuntime().halt(137);
    }
  }
}
