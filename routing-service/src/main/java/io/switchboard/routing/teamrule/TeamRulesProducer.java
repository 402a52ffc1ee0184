package io.switchboard.routing.teamrule;

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

/** Loads the team rules once at start: a broken rule file stops the service. */
@ApplicationScoped
public class TeamRulesProducer {
  private static final Logger LOG = Logger.getLogger(TeamRulesProducer.class);
  private static final String BUILT_IN = "team-rules.yaml";

  @Produces
  @ApplicationScoped
  TeamRules rules(RoutingConfig config) {
    Optional<Path> file = config.teamRulesFile();
    try (InputStream in =
        file.isPresent()
            ? Files.newInputStream(file.get())
            : Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
      LOG.infof("Team rules from %s", file.map(Path::toString).orElse("built-in defaults"));
      return TeamRules.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
