package io.switchboard.ingest.limits;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies {@link RequestLimits} to every request before its body is read. */
public class RequestLimitsFilter {
  private final RequestLimits limits;

  public RequestLimitsFilter(RequestLimits limits) {
    this.limits = limits;
  }

  @ServerRequestFilter
  public void check(ContainerRequestContext request) {
    limits.check(request);
  }
}
