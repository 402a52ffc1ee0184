package io.switchboard.ingest.threading;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code inquiries.lifecycle}: a closed inquiry ends its conversations, so the same chat, Telegram
 * chat or caller writing afterwards starts a new inquiry.
 */
@ApplicationScoped
public class ClosedInquiries implements EventConsumer {
  private static final Logger LOG = Logger.getLogger(ClosedInquiries.class);
  private static final String END_CONVERSATIONS =
      "delete from ingest.thread_ref where inquiry_id = :inquiryId"
          + " and (ref like 'CHAT:%' or ref like 'TELEGRAM:%' or ref like 'PHONE:%')";

  @Override
  public String name() {
    return "inquiries-lifecycle";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return event instanceof InquiryStatusChanged changed
        && changed.current() == InquiryStatus.CLOSED;
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    String inquiryId = event.inquiryId();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(END_CONVERSATIONS)
                    .setParameter("inquiryId", UUID.fromString(inquiryId))
                    .executeUpdate())
        .invoke(ended -> LOG.infof("Inquiry %s closed: %d conversation(s) ended", inquiryId, ended))
        .replaceWithVoid();
  }
}
