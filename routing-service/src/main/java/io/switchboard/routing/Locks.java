package io.switchboard.routing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.retry.RetryableConflict;
import io.switchboard.routing.directory.Operator;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one order in which routing takes row locks. Transactions that lock in the same order may wait
 * for each other, but never in a cycle, so no path can deadlock with another:
 *
 * <ol>
 *   <li>(consumers) the batch's inbox claim, which the platform makes before anything else, in
 *       partition order;
 *   <li>team rows: every team the transaction may assign in, drain, or move an inquiry out of or
 *       into, all in one statement ordered by id ({@link #teams}), so that every path takes them in
 *       the same order, the database's;
 *   <li>operator rows, in id order ({@link #operators});
 *   <li>inquiry rows, each only while its team is held ({@link #inquiry}).
 * </ol>
 *
 * <p>Inquiry rows need no order among themselves: whoever locks or changes an inquiry holds its
 * team, and no two transactions hold the same team, so they never wait for each other on inquiries.
 * That is why an inquiry is checked after it is locked: one that moved to a team this transaction
 * does not hold throws {@link RetryableConflict} and the whole transaction runs again. A later lock
 * on a team already held ({@code Assigner}, {@code QueueDrainer.drain}) waits for nothing. Foreign
 * key checks take {@code FOR KEY SHARE}, which conflicts with none of these: Hibernate's
 * pessimistic write is {@code FOR NO KEY UPDATE} on PostgreSQL, and no path changes the id of a
 * team, operator or inquiry or deletes one.
 *
 * <p>Every path that takes locks, and what it locks:
 *
 * <ul>
 *   <li>{@code inquiries.inbound} ({@code RoutingInboundConsumer}, {@code InquiryRouter}): per
 *       batch, the teams the rules pick for new inquiries and the teams of replied-to inquiries, in
 *       one statement; then, round by round, the replied-to inquiries in one statement. New
 *       inquiries are inserted: rows no other transaction can hold.
 *   <li>{@code sla.events} ({@code RoutingSlaConsumer}): per batch, the teams of the escalated
 *       inquiries; then the inquiries in one statement, each forwarded within its team.
 *   <li>operator API ({@code InquiryResource}): the inquiry's team and a transfer's target team,
 *       then the inquiry; decline, resolve and transfer drain a held team's queue.
 *   <li>accept and answer timeouts ({@code OverdueAssignments}): one transaction per overdue
 *       inquiry, its team then the inquiry, which is checked to be overdue still.
 *   <li>queue timer ({@code QueueTimer}, {@code QueueDrainer}): one transaction per team, the team
 *       then its queued inquiries, changed in one statement.
 *   <li>presence ({@code PresenceResource}): the operator row only. Going online, or back from
 *       idle, drains the team's queue afterwards in a transaction of its own, so that no
 *       transaction holds an operator before a team.
 *   <li>directory ({@code DirectoryStore}): the teams written, then the operators written; the file
 *       load takes its advisory lock before both, and only loads take that lock.
 *   <li>reports ({@code AssignmentHistory}) and customer segments: rows of their own tables only;
 *       report rows in inquiry id order.
 * </ul>
 *
 * <p>A conflict the database still reports (a serialization failure, a concurrent insert of the
 * same key) runs the transaction again: consumers through the platform, the API and the timers
 * through {@code Conflicts.retry}.
 */
@ApplicationScoped
public class Locks {
  private static final String TEAMS_OF = "select i.id, i.teamId from Inquiry i where i.id in :ids";

  /**
   * Locks the teams among {@code ids} that exist, in id order, and answers their ids. Once per
   * transaction, before any operator or inquiry lock.
   */
  public Uni<Set<String>> teams(Collection<String> ids) {
    return lockTeams(ids).map(teams -> Set.copyOf(teams.keySet()));
  }

  /** As {@link #teams}, answering the locked rows by id: routing mode and cursor included. */
  public Uni<Map<String, Team>> lockTeams(Collection<String> ids) {
    Set<String> wanted = distinct(ids);
    if (wanted.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Team.<Team>find("id in ?1 order by id", wanted)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .map(teams -> teams.stream().collect(Collectors.toUnmodifiableMap(t -> t.id, t -> t)));
  }

  /** Locks the operators among {@code ids} that exist, in id order, after any team. */
  public Uni<Void> operators(Collection<String> ids) {
    Set<String> wanted = distinct(ids);
    if (wanted.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Operator.<Operator>find("id in ?1 order by id", wanted)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .replaceWithVoid();
  }

  /** The current teams of those of the inquiries that exist, read without a lock. */
  public Uni<Map<UUID, String>> teamsOf(Collection<UUID> inquiryIds) {
    if (inquiryIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(TEAMS_OF, Object[].class)
                    .setParameter("ids", new HashSet<>(inquiryIds))
                    .getResultList())
        .map(
            rows -> {
              Map<UUID, String> teams = new HashMap<>();
              for (Object[] row : rows) {
                teams.put((UUID) row[0], (String) row[1]);
              }
              return teams;
            });
  }

  /**
   * Locks the inquiry; null when there is none. Its team must be among {@code heldTeams}: when it
   * moved to another one since its team was read, the transaction is to run again.
   */
  public Uni<Inquiry> inquiry(UUID id, Set<String> heldTeams) {
    return Inquiry.<Inquiry>findById(id, LockModeType.PESSIMISTIC_WRITE)
        .map(inquiry -> inquiry == null ? null : held(inquiry, heldTeams));
  }

  private static Inquiry held(Inquiry inquiry, Set<String> heldTeams) {
    if (inquiry.teamId != null && !heldTeams.contains(inquiry.teamId)) {
      throw new RetryableConflict(
          "Inquiry " + inquiry.id + " moved to team " + inquiry.teamId + " while being locked");
    }
    return inquiry;
  }

  /**
   * Locks those of the inquiries that exist, all in one statement, and answers them by id. Each
   * must be in one of {@code heldTeams}, as for {@link #inquiry}.
   */
  public Uni<Map<UUID, Inquiry>> inquiries(Collection<UUID> ids, Set<String> heldTeams) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return Inquiry.<Inquiry>find("id in ?1 order by id", new HashSet<>(ids))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list()
        .map(
            found -> {
              Map<UUID, Inquiry> byId = new HashMap<>();
              for (Inquiry inquiry : found) {
                byId.put(inquiry.id, held(inquiry, heldTeams));
              }
              return byId;
            });
  }

  /**
   * For a transaction about one inquiry: locks its team and {@code otherTeam} (when not null), then
   * the inquiry; null when there is no such inquiry.
   */
  public Uni<Inquiry> inquiryWithTeams(UUID id, String otherTeam) {
    return teamsOf(List.of(id))
        .chain(
            current -> {
              if (current.isEmpty()) {
                return Uni.createFrom().nullItem();
              }
              Set<String> wanted = new HashSet<>(current.values());
              if (otherTeam != null) {
                wanted.add(otherTeam);
              }
              return teams(wanted).chain(held -> inquiry(id, held));
            });
  }

  private static Set<String> distinct(Collection<String> ids) {
    return ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
