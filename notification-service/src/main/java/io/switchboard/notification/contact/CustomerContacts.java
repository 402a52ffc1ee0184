package io.switchboard.notification.contact;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.notification.acknowledgement.AcknowledgementRoute;
import io.switchboard.notification.template.CustomerNames;
import io.switchboard.notification.template.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The service's own copy of each inquiry's customer contact. */
@ApplicationScoped
public class CustomerContacts {

  /** Keeps the first copy: a redelivered event changes nothing. */
  @WithTransaction
  public Uni<Void> remember(InquiryReceived inquiry, AcknowledgementRoute route) {
    UUID id = UUID.fromString(inquiry.inquiryId());
    return CustomerContact.<CustomerContact>findById(id)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              CustomerContact contact = new CustomerContact();
              contact.inquiryId = id;
              contact.ticket = inquiry.ticket();
              contact.name = CustomerNames.of(inquiry.customer());
              contact.language = Language.of(inquiry.language()).code();
              contact.channel = inquiry.channel();
              contact.medium = route.medium();
              contact.address = route.address();
              contact.threadRef = route.threadRef();
              contact.createdAt = Instant.now();
              return contact.persist().replaceWithVoid();
            });
  }

  /** Null when the inquiry is unknown here (automatic mail, no address, or before this service). */
  @WithSession
  public Uni<CustomerContact> find(String inquiryId) {
    return CustomerContact.findById(UUID.fromString(inquiryId));
  }

  /** Remembers who handles the inquiry, for its rating; unknown inquiries are ignored. */
  @WithTransaction
  public Uni<Void> assign(String inquiryId, String operatorId) {
    return CustomerContact.<CustomerContact>findById(UUID.fromString(inquiryId))
        .invoke(
            contact -> {
              if (contact != null) {
                contact.operatorId = operatorId;
              }
            })
        .replaceWithVoid();
  }
}
