package io.switchboard.ingest.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One stable customer id per person, however they write: identifiers seen together (an e-mail and a
 * phone on one form) are linked, and when they already belonged to two customers those two become
 * one. The oldest id survives (ids are UUIDv7, so the smallest is the oldest): the id most events
 * already carry keeps meaning this person.
 *
 * <p>Most links happen inside the intake's claim (intake/IntakeClaim): a returning customer, or
 * identifiers all new, or new ones beside one known customer. This is the rest, in a transaction of
 * its own: identifiers of two customers (a merge), or a claim that met a concurrent link of the
 * same identifiers. Every writer takes an advisory lock per identifier, in sorted order, before it
 * reads them.
 */
@ApplicationScoped
public class CustomerIdentities {
  private static final String LOCK =
      "select count(pg_advisory_xact_lock(hashtext(identifier)))"
          + " from unnest($1::text[]) as identifier";
  private static final String KNOWN =
      "select distinct customer_id from ingest.customer_identifier"
          + " where identifier = any($1::text[])";
  // A claim that linked a new identifier to a customer being merged away committed it after this
  // statement's snapshot: the merge runs again until it finds nothing left (see link).
  private static final String MERGE =
      "update ingest.customer_identifier set customer_id = $1, linked_at = now()"
          + " where customer_id = any($2::uuid[])";
  private static final String LINK =
      "insert into ingest.customer_identifier (identifier, customer_id)"
          + " select identifier, $2 from unnest($1::text[]) as identifier"
          + " on conflict (identifier) do nothing";
  // A merge that keeps finding rows means something keeps linking to the merged customer: give up
  // rather than spin; the caller's request fails with 503 and its retry starts afresh.
  private static final int MERGE_PASSES = 5;

  private final Pool pool;

  public CustomerIdentities(Pool pool) {
    this.pool = pool;
  }

  /**
   * Links the identity's identifiers to one customer, merging the customers they belonged to.
   *
   * @return the surviving customer id
   */
  public Uni<String> link(Identity identity) {
    String[] identifiers = identity.identifiers().toArray(String[]::new);
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(LOCK)
                .execute(Tuple.of(identifiers))
                .chain(() -> connection.preparedQuery(KNOWN).execute(Tuple.of(identifiers)))
                .chain(
                    known -> {
                      List<UUID> ids = new ArrayList<>();
                      for (Row row : known) {
                        ids.add(row.getUUID(0));
                      }
                      UUID survivor = survivor(ids, UUID.fromString(identity.provisionalId()));
                      UUID[] others =
                          ids.stream().filter(id -> !id.equals(survivor)).toArray(UUID[]::new);
                      return merge(connection, survivor, others, MERGE_PASSES)
                          .chain(
                              () ->
                                  connection
                                      .preparedQuery(LINK)
                                      .execute(Tuple.of(identifiers, survivor)))
                          .replaceWith(survivor.toString());
                    }));
  }

  /**
   * The oldest id of a customer seen before. This request's provisional id never survives another:
   * a claim that met a concurrent link may have left it on an identifier, but no event carries it
   * yet, while the concurrent request's inquiry already carries its own.
   */
  static UUID survivor(List<UUID> known, UUID provisional) {
    return known.stream()
        .filter(id -> !id.equals(provisional))
        .min(UUID::compareTo)
        .orElse(provisional);
  }

  private static Uni<Void> merge(
      SqlConnection connection, UUID survivor, UUID[] others, int passesLeft) {
    if (others.length == 0) {
      return Uni.createFrom().voidItem();
    }
    if (passesLeft == 0) {
      return Uni.createFrom()
          .failure(new IllegalStateException("customers " + List.of(others) + " keep changing"));
    }
    return connection
        .preparedQuery(MERGE)
        .execute(Tuple.of(survivor, others))
        .chain(
            merged ->
                merged.rowCount() == 0
                    ? Uni.createFrom().voidItem()
                    : merge(connection, survivor, others, passesLeft - 1));
  }
}
