package io.switchboard.ingest.intake;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.ingest.identity.Identity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The one statement a new message costs before it is published: a single round trip and its own
 * transaction (no BEGIN, no COMMIT), it checks the source key first, links the customer's
 * identifiers, writes the intake row and the thread refs, and answers with the row it claimed or
 * found.
 *
 * <ul>
 *   <li>A key seen before ({@code prior}): no identity work. A REFUSED row with the same content is
 *       reopened (PENDING again, claimed by this attempt); any other row is answered as stored.
 *   <li>A new key: the identifiers are locked (advisory, sorted) and read with a share lock, which
 *       returns their newest version even when a merge changed them after this statement began.
 *       Identifiers new to the store are linked to the one customer the others name, or to the
 *       provisional id; one a concurrent request linked meanwhile comes back with that request's
 *       customer ({@code on conflict do update} returns the row whatever the snapshot). When every
 *       identifier then names one customer, the event is stored with that customer's id and the row
 *       inserted PENDING; a concurrent duplicate finds the row the same way and gets it back.
 *   <li>Identifiers of two customers (a merge), or a concurrent link that left them split: nothing
 *       is claimed and {@code identified} is false. The caller links them in a transaction of its
 *       own (identity/CustomerIdentities) and claims again.
 *   <li>A message without a key (a web form without Idempotency-Key) gets no row; the identity and
 *       thread refs are written all the same.
 * </ul>
 *
 * <p>Statements of one {@code with} share one snapshot; each data-modifying part runs once, and
 * parts that read another part's rows run after it.
 */
@ApplicationScoped
public class IntakeClaim {
  private static final String CLAIM =
      """
      with prior as (
        select inquiry_id, ticket, payload_hash, event_type, event_json, status
        from ingest.intake where source_key = $1::text
      ),
      wanted as (
        select identifier from unnest($8::text[]) as identifier
        where not exists (select from prior)
      ),
      locked as (
        select count(pg_advisory_xact_lock(hashtext(identifier))) as locks
        from (select identifier from wanted order by identifier) sorted
      ),
      known as (
        select c.identifier, c.customer_id from ingest.customer_identifier c
        where c.identifier = any($8::text[]) and not exists (select from prior)
          and (select locks from locked) >= 0
        for share
      ),
      candidate as (
        select case when count(distinct customer_id) = 0 then $9::uuid
                    when count(distinct customer_id) = 1 then min(customer_id::text)::uuid
               end as customer_id
        from known
      ),
      linked as (
        insert into ingest.customer_identifier as c (identifier, customer_id)
        select w.identifier, candidate.customer_id from wanted w, candidate
        where candidate.customer_id is not null
          and w.identifier not in (select identifier from known)
        order by w.identifier
        on conflict (identifier) do update set identifier = excluded.identifier
        returning c.customer_id
      ),
      resolved as (
        select case when not exists (select from wanted) then $9::uuid
                    when count(distinct customer_id) = 1 then min(customer_id::text)::uuid
               end as customer_id,
               not exists (select from wanted) or count(distinct customer_id) = 1 as identified
        from (select customer_id from known union all select customer_id from linked) ids
      ),
      prepared as (
        select case when identified and customer_id is distinct from $9::uuid
                    then jsonb_set($5::text::jsonb, '{customer,customerId}', to_jsonb(customer_id::text))::text
                    else $5::text end as event_json,
               identified
        from resolved
      ),
      reopened as (
        update ingest.intake set status = 'PENDING', state_since = now(), claimed_by = $7::uuid
        where source_key = $1::text and status = 'REFUSED' and payload_hash = $4::text
          and exists (select from prior where status = 'REFUSED' and payload_hash = $4::text)
        returning source_key
      ),
      inserted as (
        insert into ingest.intake as i (source_key, inquiry_id, ticket, payload_hash, event_json,
                                        event_type, status, claimed_by)
        select $1::text, $2::uuid, $3::text, $4::text, p.event_json, $6::text, 'PENDING', $7::uuid
        from prepared p
        where $1::text is not null and p.identified and not exists (select from prior)
        on conflict (source_key) do update set
          status = case when i.status = 'REFUSED' and i.payload_hash = excluded.payload_hash
                        then 'PENDING' else i.status end,
          state_since = case when i.status = 'REFUSED' and i.payload_hash = excluded.payload_hash
                             then now() else i.state_since end,
          claimed_by = case when i.status = 'REFUSED' and i.payload_hash = excluded.payload_hash
                            then excluded.claimed_by else i.claimed_by end
        returning i.inquiry_id, i.ticket, i.payload_hash, i.event_type, i.event_json, i.status,
                  i.claimed_by
      ),
      owner as (
        select inquiry_id from inserted where claimed_by = $7::uuid
        union all
        select $2::uuid from prepared where $1::text is null and identified
      ),
      refs as (
        insert into ingest.thread_ref (ref, inquiry_id)
        select distinct ref, owner.inquiry_id from unnest($10::text[]) as ref, owner
        on conflict (ref) do update set inquiry_id = excluded.inquiry_id, created_at = now()
      )
      select true as identified, i.inquiry_id, i.ticket, i.payload_hash, i.event_type,
             nullif(i.event_json, $5::text) as stored_event, i.status,
             i.claimed_by = $7::uuid as first_delivery
      from inserted i
      union all
      select true, p.inquiry_id, p.ticket, p.payload_hash, p.event_type, p.event_json,
             case when r.source_key is null then p.status else 'PENDING' end,
             r.source_key is not null
      from prior p left join reopened r on true
      union all
      select p.identified, $2::uuid, $3::text, $4::text, $6::text,
             nullif(p.event_json, $5::text), null, p.identified
      from prepared p
      where not exists (select from prior) and ($1::text is null or not p.identified)
      """;

  private final Pool pool;

  public IntakeClaim(Pool pool) {
    this.pool = pool;
  }

  /**
   * What the claim found. {@code stored} is the event as the store holds it, decoded, or the
   * submission's own event when the store holds exactly that; {@code storedJson} its JSON.
   *
   * @param identified false when the identifiers need a link of their own first (nothing claimed)
   * @param status the row's status after the claim; null for a message without a key
   * @param firstDelivery this attempt created or reopened the row (or had no key): nothing was
   *     acknowledged for the message before
   */
  public record Result(
      boolean identified,
      String inquiryId,
      String ticket,
      String payloadHash,
      InquiryEvent stored,
      String storedJson,
      IntakeStatus status,
      boolean firstDelivery) {}

  /**
   * @param attempt this request's own id, found in the answer when this request claimed the row
   */
  public Uni<Result> claim(Submission submission, UUID attempt) {
    Identity identity = submission.identity();
    String json = EventCodec.encode(submission.event());
    Tuple parameters =
        Tuple.tuple()
            .addString(submission.sourceKey().orElse(null))
            .addUUID(UUID.fromString(submission.event().inquiryId()))
            .addString(submission.ticket())
            .addString(submission.payloadHash())
            .addString(json)
            .addString(EventType.of(submission.event()).ceType())
            .addUUID(attempt)
            .addArrayOfString(identity.identifiers().toArray(String[]::new))
            .addUUID(identity.isEmpty() ? null : UUID.fromString(identity.provisionalId()))
            .addArrayOfString(submission.threadRefs().toArray(String[]::new));
    return pool.preparedQuery(CLAIM)
        .execute(parameters)
        .map(rows -> read(rows.iterator().next(), submission, json));
  }

  private static Result read(Row row, Submission submission, String json) {
    String eventType = row.getString("event_type");
    String storedJson = row.getString("stored_event");
    String status = row.getString("status");
    return new Result(
        row.getBoolean("identified"),
        row.getUUID("inquiry_id").toString(),
        row.getString("ticket"),
        row.getString("payload_hash"),
        storedJson == null ? submission.event() : EventCodec.decode(eventType, storedJson),
        storedJson == null ? json : storedJson,
        status == null ? null : IntakeStatus.valueOf(status),
        row.getBoolean("first_delivery"));
  }
}
