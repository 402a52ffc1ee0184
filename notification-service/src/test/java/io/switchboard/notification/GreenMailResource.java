package io.switchboard.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real SMTP server in the test JVM, on a free port, that the service's mailer is pointed at. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
  private static volatile GreenMail greenMail;

  /** The running server, to read what the service sent. */
  public static GreenMail greenMail() {
    if (greenMail == null) {
      throw new IllegalStateException("GreenMailResource has not been started");
    }
    return greenMail;
  }

  @Override
  public Map<String, String> start() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    greenMail = server;
    return Map.of(
        "quarkus.mailer.host",
        server.getSmtp().getBindTo(),
        "quarkus.mailer.port",
        Integer.toString(server.getSmtp().getPort()),
        // GreenMail logs every recipient it creates a mailbox for, address in full.
        "quarkus.log.category.\"com.icegreen.greenmail\".level",
        "WARN");
  }

  @Override
  public void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }
}
