package io.switchboard.notification.csat;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.CsatReceived;
import io.switchboard.contracts.EventIds;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.problem.Problem;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Takes a customer's rating: validated, stored once per inquiry, published through the outbox. */
@ApplicationScoped
public class CsatIntake {
  private final Outbox outbox;
  private final CustomerContacts contacts;
  private final CsatLinks links;

  public CsatIntake(Outbox outbox, CustomerContacts contacts, NotificationConfig config) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.links = new CsatLinks(config.csat().linkBase(), config.csat().secret());
  }

  /** Fails with {@link Problem} for anything it refuses. */
  @WithTransaction
  public Uni<CsatReceived> rate(String inquiryId, String token, Integer score, String comment) {
    return Uni.createFrom()
        .item(() -> validated(inquiryId, token, score, comment))
        .chain(
            id -> store(id, score, comment == null || comment.isBlank() ? null : comment.strip()));
  }

  private UUID validated(String inquiryId, String token, Integer score, String comment) {
    UUID id = parse(inquiryId);
    if (!links.verify(inquiryId, token)) {
      throw new Problem(
          403, "Forbidden", "The rating link is not valid for this inquiry", List.of());
    }
    List<Problem.FieldError> errors = CsatValidation.validate(score, comment);
    if (!errors.isEmpty()) {
      throw Problem.invalid("rating", errors);
    }
    return id;
  }

  private Uni<CsatReceived> store(UUID inquiryId, int score, String comment) {
    return CustomerContact.<CustomerContact>findById(inquiryId)
        .onItem()
        .ifNull()
        .failWith(() -> new Problem(404, "Not found", "No such inquiry", List.of()))
        .chain(
            contact ->
                CsatRating.<CsatRating>findById(inquiryId)
                    .chain(
                        existing -> {
                          if (existing != null) {
                            return Uni.createFrom()
                                .failure(
                                    new Problem(
                                        409,
                                        "Already rated",
                                        "This inquiry has been rated already",
                                        List.of()));
                          }
                          return contacts
                              .operatorOf(inquiryId)
                              .chain(operator -> save(contact, operator, score, comment));
                        }));
  }

  private Uni<CsatReceived> save(
      CustomerContact contact, String operatorId, int score, String comment) {
    CsatRating rating = new CsatRating();
    rating.inquiryId = contact.inquiryId;
    rating.score = score;
    rating.comment = comment;
    rating.receivedAt = Instant.now();
    CsatReceived received =
        new CsatReceived(
            EventIds.next(),
            contact.inquiryId.toString(),
            rating.receivedAt,
            CsatReceived.SCHEMA_VERSION,
            score,
            comment,
            contact.channel,
            operatorId);
    return rating.persist().chain(() -> outbox.stage(received)).replaceWith(received);
  }

  private static UUID parse(String inquiryId) {
    try {
      return UUID.fromString(inquiryId);
    } catch (IllegalArgumentException e) {
      throw new Problem(404, "Not found", "No such inquiry", List.of());
    }
  }
}
