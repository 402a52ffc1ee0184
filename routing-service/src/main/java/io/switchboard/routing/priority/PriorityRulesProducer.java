package io.switchboard.routing.priority;

import io.switchboard.routing.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Loads the rules once at start: a broken rule file stops the service instead of misrouting. */
@ApplicationScoped
public class PriorityRulesProducer {
  private static final Logger LOG = Logger.getLogger(PriorityRulesProducer.class);
  private static final String BUILT_IN = "priority-rules.yaml";

  @Produces
  @ApplicationScoped
  PriorityRules rules(RoutingConfig config) {
    Optional<Path> file = config.priorityRulesFile();
    try (InputStream in =
        file.isPresent()
            ? Files.newInputStream(file.get())
            : Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
      LOG.infof("Priority rules from %s", file.map(Path::toString).orElse("built-in defaults"));
      return PriorityRules.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
