package io.switchboard.ingest.identity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * One stable customer id per person, however they write: identifiers seen together (an e-mail and a
 * phone on one form) are linked, and when they already belonged to two customers those two become
 * one. The oldest id survives (ids are UUIDv7, so the smallest is the oldest): the id most events
 * already carry keeps meaning this person.
 */
@ApplicationScoped
public class CustomerIdentities {
  // Serializes concurrent first sightings of the same identifier; taken in sorted order so two
  // links over the same identifiers cannot deadlock.
  private static final String LOCK =
      "select count(*) from (select pg_advisory_xact_lock(hashtext(:identifier))) locked";
  private static final String KNOWN =
      "select distinct customer_id::text from ingest.customer_identifier"
          + " where identifier in (:identifiers)";
  // One row per customer the identifiers belong to, with how many of them it holds.
  private static final String LINKED =
      "select customer_id::text || chr(9) || count(*) from ingest.customer_identifier"
          + " where identifier in (:identifiers) group by customer_id";
  private static final String MERGE =
      "update ingest.customer_identifier set customer_id = :survivor, linked_at = now()"
          + " where customer_id::text in (:others)";
  private static final String LINK =
      "insert into ingest.customer_identifier (identifier, customer_id)"
          + " values (:identifier, :customerId) on conflict (identifier) do nothing";

  /** The customer id for these contacts (either may be null), or null when both are. */
  public Uni<String> resolve(String email, String phone) {
    TreeSet<String> identifiers = new TreeSet<>();
    if (email != null) {
      identifiers.add("email:" + email);
    }
    if (phone != null) {
      identifiers.add("phone:" + phone);
    }
    if (identifiers.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    List<String> sorted = List.copyOf(identifiers);
    // A returning customer's identifiers are all linked already: one read, no lock, no write.
    return Panache.withSession(() -> alreadyLinked(sorted))
        .chain(
            known ->
                known != null
                    ? Uni.createFrom().item(known)
                    : Panache.withTransaction(() -> lock(sorted).chain(() -> link(sorted))))
        .emitOn(ContextExecutor.current());
  }

  private Uni<String> alreadyLinked(List<String> identifiers) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(LINKED, String.class)
                    .setParameter("identifiers", identifiers)
                    .getResultList())
        .map(
            rows -> {
              if (rows.size() != 1) {
                return null;
              }
              String[] row = rows.getFirst().split("\t");
              return Integer.parseInt(row[1]) == identifiers.size() ? row[0] : null;
            });
  }

  private Uni<Void> lock(List<String> identifiers) {
    return inOrder(
        identifiers,
        identifier ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(LOCK)
                            .setParameter("identifier", identifier)
                            .getSingleResult()));
  }

  private Uni<String> link(List<String> identifiers) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(KNOWN, String.class)
                    .setParameter("identifiers", identifiers)
                    .getResultList())
        .chain(
            known -> {
              List<String> ids = known.stream().filter(Objects::nonNull).sorted().toList();
              String survivor = ids.isEmpty() ? EventIds.next().toString() : ids.getFirst();
              List<String> others =
                  new ArrayList<>(ids.subList(Math.min(1, ids.size()), ids.size()));
              Uni<Void> merged =
                  others.isEmpty()
                      ? Uni.createFrom().voidItem()
                      : Panache.getSession()
                          .chain(
                              s ->
                                  s.createNativeQuery(MERGE)
                                      .setParameter("survivor", UUID.fromString(survivor))
                                      .setParameter("others", others)
                                      .executeUpdate())
                          .replaceWithVoid();
              return merged.chain(() -> insertAll(identifiers, survivor)).replaceWith(survivor);
            });
  }

  private Uni<Void> insertAll(List<String> identifiers, String customerId) {
    return inOrder(
        identifiers,
        identifier ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(LINK)
                            .setParameter("identifier", identifier)
                            .setParameter("customerId", UUID.fromString(customerId))
                            .executeUpdate()));
  }

  // One statement at a time: a reactive session runs no two queries at once.
  private static Uni<Void> inOrder(List<String> items, Function<String, Uni<?>> step) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (String item : items) {
      all = all.chain(() -> step.apply(item)).replaceWithVoid();
    }
    return all;
  }
}
