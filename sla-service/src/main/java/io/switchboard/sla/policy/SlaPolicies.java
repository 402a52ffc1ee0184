package io.switchboard.sla.policy;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the policies from configuration. */
public class SlaPolicies {

  // At startup, so that a target the policy rejects stops the service instead of sending every
  // inquiry to the dead letters.
  @Produces
  @Singleton
  @Startup
  FirstResponsePolicy firstResponse(SlaConfig config) {
    SlaConfig.FirstResponse targets = config.firstResponse();
    return new FirstResponsePolicy(
        targets.chat(), targets.phone(), targets.email(), targets.webForm(), targets.telegram());
  }
}
