package io.switchboard.ingest.publishing;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.ingest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Writes inquiry events to {@code inquiries.inbound}. The returned {@code Uni} completes when the
 * broker acknowledged the write (acks=all), and fails with a 503 problem when it did not.
 *
 * <p>The record's value is the event's JSON as the intake stored it, so that every copy of an event
 * (the request's, a retry's, the sweeper's) carries the same bytes.
 */
@ApplicationScoped
public class InboundPublisher {
  private static final Logger LOG = Logger.getLogger(InboundPublisher.class);
  private final MutinyEmitter<String> emitter;
  private final String source;

  public InboundPublisher(
      @Channel("inquiries-inbound") MutinyEmitter<String> emitter,
      @ConfigProperty(name = "quarkus.application.name") String applicationName) {
    this.emitter = emitter;
    this.source = "/" + applicationName;
  }

  /**
   * @param json the event as {@link EventCodec} wrote it, or as the intake stored it
   */
  public Uni<Void> publish(InquiryEvent event, String json) {
    RecordHeaders headers = new RecordHeaders();
    CloudEvents.headers(event, source)
        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(event.inquiryId())
            .withHeaders(headers)
            .build();
    return emitter
        .sendMessage(Message.of(json).addMetadata(metadata))
        .onFailure()
        .transform(
            failure -> {
              LOG.warnf(
                  "Inquiry %s not acknowledged by the broker: %s",
                  event.inquiryId(), failure.toString());
              return ProblemException.brokerUnavailable();
            });
  }
}
