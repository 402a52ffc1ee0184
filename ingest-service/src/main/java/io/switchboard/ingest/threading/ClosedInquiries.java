package io.switchboard.ingest.threading;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Ends the conversations of a closed inquiry: the same chat, Telegram chat or caller writing
 * afterwards starts a new inquiry. Deleting what is already gone changes nothing, so a redelivered
 * event is harmless without an inbox.
 */
@ApplicationScoped
public class ClosedInquiries {
  private static final Logger LOG = Logger.getLogger(ClosedInquiries.class);
  private static final String END_CONVERSATIONS =
      "delete from ingest.thread_ref where inquiry_id = :inquiryId"
          + " and (ref like 'CHAT:%' or ref like 'TELEGRAM:%' or ref like 'PHONE:%')";

  @Incoming("inquiries-lifecycle")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(this::apply);
  }

  private Uni<Void> apply(InquiryEvent event) {
    if (event instanceof InquiryStatusChanged changed
        && changed.current() == InquiryStatus.CLOSED) {
      return endConversations(changed.inquiryId());
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> endConversations(String inquiryId) {
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createNativeQuery(END_CONVERSATIONS)
                                .setParameter("inquiryId", UUID.fromString(inquiryId))
                                .executeUpdate()))
        .invoke(ended -> LOG.infof("Inquiry %s closed: %d conversation(s) ended", inquiryId, ended))
        .replaceWithVoid();
  }
}
