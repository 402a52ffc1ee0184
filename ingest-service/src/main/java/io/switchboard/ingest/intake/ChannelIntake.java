package io.switchboard.ingest.intake;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventType;
import io.switchboard.ingest.metrics.IngestMetrics;
import io.switchboard.platform.privacy.Pii;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.logging.Logger;

/** What every channel adapter does around the intake: answer, count, time and log (masked). */
@ApplicationScoped
public class ChannelIntake {
  private static final Logger LOG = Logger.getLogger(ChannelIntake.class);

  private final InquiryIntake intake;
  private final IngestMetrics metrics;

  public ChannelIntake(InquiryIntake intake, IngestMetrics metrics) {
    this.intake = intake;
    this.metrics = metrics;
  }

  /**
   * @param contact the customer's or operator's address, for a masked log line
   * @param startedNanos {@link System#nanoTime()} when the request arrived
   * @return 202 with the inquiry, once the broker acknowledged
   */
  public Uni<Response> submit(
      Channel channel, Submission submission, String contact, long startedNanos) {
    return intake
        .accept(submission)
        .invoke(
            outcome -> {
              metrics.latency(channel.name(), Duration.ofNanos(System.nanoTime() - startedNanos));
              if (outcome.firstDelivery()) {
                metrics.received(channel, submission.event());
                LOG.infof(
                    "%s %s (%s) from %s: %s",
                    channel,
                    outcome.accepted().inquiryId(),
                    outcome.accepted().ticket(),
                    Pii.address(contact),
                    EventType.of(submission.event()).ceType());
              }
            })
        .map(outcome -> Response.accepted(outcome.accepted()).build());
  }
}
