package io.switchboard.devstack.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Before the day: every service ready, the mail viewer answering; otherwise say which is not. */
final class Readiness {
  private Readiness() {}

  static void require(HttpClient http, SimOptions options) {
    List<String> down = new ArrayList<>();
    for (Map.Entry<String, String> service : StaffApi.serviceUrls(options).entrySet()) {
      if (status(http, service.getValue() + "/q/health/ready") != 200) {
        down.add(service.getKey() + " (" + service.getValue() + "/q/health/ready)");
      }
    }
    if (options.readsMail() && status(http, options.mailUrl() + "/messages.json?since=0") != 200) {
      down.add("the mail viewer (" + options.mailUrl() + "/messages.json; --mail none to skip)");
    }
    if (!down.isEmpty()) {
      throw new IllegalStateException(
          "not ready: " + String.join(", ", down) + ". Start the system (./run.sh) first.");
    }
  }

  private static int status(HttpClient http, String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
