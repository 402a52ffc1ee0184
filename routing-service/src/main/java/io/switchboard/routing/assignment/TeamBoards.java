package io.switchboard.routing.assignment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.Rows;
import io.switchboard.routing.directory.OperatorProfile;
import io.switchboard.routing.directory.OperatorProfiles;
import io.switchboard.routing.directory.Presence;
import io.switchboard.routing.directory.PresenceRules;
import io.switchboard.routing.directory.Team;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads teams' boards: every operator of the teams with presence, profile version and open work per
 * channel, in one statement, and their profiles from {@link OperatorProfiles}. Call inside a
 * transaction that holds the teams' locks ({@link io.switchboard.routing.Locks}), so that the load
 * read here stays true until the transaction commits what it decides.
 */
@ApplicationScoped
public class TeamBoards {
  // An operator's load counts every open inquiry they hold, whichever team the inquiry is in.
  private static final String OPERATORS_AND_LOAD =
      """
      select o.id, o.team_id, o.presence, o.last_seen_at, o.always_present, o.profile_version,
             l.channel, l.open
        from routing.operator o
        left join lateral (
             select i.channel, count(*) as open from routing.inquiry i
              where i.operator_id = o.id
                and i.status in ('ASSIGNED', 'ACCEPTED', 'WAITING_ON_CUSTOMER', 'REOPENED')
              group by i.channel) l on true
       where o.team_id in (:teams)
      """;

  private final OperatorProfiles profiles;
  private final Duration idleTimeout;

  public TeamBoards(OperatorProfiles profiles, RoutingConfig config) {
    this.profiles = profiles;
    this.idleTimeout = config.presence().idleTimeout();
  }

  private record Row(
      String teamId, boolean present, long profileVersion, Map<Channel, Long> open) {}

  /** The boards of {@code teams}, by team id; changes of this session are flushed first. */
  public Uni<Map<String, TeamBoard>> read(Collection<Team> teams, Instant now) {
    if (teams.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    List<String> ids = teams.stream().map(t -> t.id).distinct().toList();
    // What this transaction changed before (a reply reopening an inquiry, an assignment) counts.
    return Panache.getSession()
        .call(s -> s.flush())
        .chain(
            s ->
                s.createNativeQuery(OPERATORS_AND_LOAD, Object[].class)
                    .setParameter("teams", ids)
                    .getResultList())
        .map(rows -> operators(rows, now))
        .chain(
            operators ->
                profiles
                    .at(versions(operators))
                    .map(profiles -> boards(teams, operators, profiles)));
  }

  private Map<String, Row> operators(List<Object[]> rows, Instant now) {
    Map<String, Row> operators = new LinkedHashMap<>();
    for (Object[] row : rows) {
      Row operator =
          operators.computeIfAbsent(
              (String) row[0],
              id ->
                  new Row(
                      (String) row[1],
                      PresenceRules.isPresent(
                          Boolean.TRUE.equals(row[4]),
                          row[2] == null ? null : Presence.valueOf((String) row[2]),
                          Rows.instant(row[3]),
                          now,
                          idleTimeout),
                      Rows.number(row[5]),
                      new EnumMap<>(Channel.class)));
      if (row[6] != null) {
        operator.open().put(Channel.valueOf((String) row[6]), Rows.number(row[7]));
      }
    }
    return operators;
  }

  private static Map<String, Long> versions(Map<String, Row> operators) {
    Map<String, Long> versions = new HashMap<>();
    operators.forEach((id, row) -> versions.put(id, row.profileVersion()));
    return versions;
  }

  private static Map<String, TeamBoard> boards(
      Collection<Team> teams, Map<String, Row> operators, Map<String, OperatorProfile> profiles) {
    Map<String, List<Candidate>> candidates = new HashMap<>();
    operators.forEach(
        (id, row) -> {
          OperatorProfile profile = profiles.get(id);
          candidates
              .computeIfAbsent(row.teamId(), t -> new ArrayList<>())
              .add(
                  new Candidate(
                      id,
                      profile.skills(),
                      profile.capacity(),
                      row.open(),
                      profile.schedule(),
                      row.present()));
        });
    Map<String, TeamBoard> boards = new HashMap<>();
    for (Team team : teams) {
      boards.put(
          team.id,
          new TeamBoard(
              team.id,
              team.routingMode,
              team.lastAssignedOperatorId,
              candidates.getOrDefault(team.id, List.of())));
    }
    return boards;
  }
}
