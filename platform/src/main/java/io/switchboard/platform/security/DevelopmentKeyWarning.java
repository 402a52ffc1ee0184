package io.switchboard.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The built-in token key is public in the repository: a deployment that forgot to set its own would
 * accept anybody's tokens, so say so loudly at every start.
 */
@ApplicationScoped
public class DevelopmentKeyWarning {
  static final String DEVELOPMENT_KEY = "dev-jwt/public-key.pem";
  private static final Logger LOG = Logger.getLogger(DevelopmentKeyWarning.class);

  void onStart(
      @Observes StartupEvent start,
      @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
    if (location.filter(DEVELOPMENT_KEY::equals).isPresent()) {
      LOG.warn(
          "API tokens are verified with the development key from the repository: set"
              + " mp.jwt.verify.publickey.location to your issuer's key outside local runs");
    }
  }
}
