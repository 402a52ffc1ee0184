package io.switchboard.routing.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.Locks;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import io.switchboard.routing.directory.DirectorySpec.TeamSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Reads and writes the directory; call inside a session or transaction. A write locks the teams it
 * writes, then the operators it writes, each in id order ({@link Locks}), before changing any.
 */
@ApplicationScoped
public class DirectoryStore {
  private final ObjectMapper json;
  private final Locks locks;
  private final OperatorProfiles profiles;

  public DirectoryStore(ObjectMapper json, Locks locks, OperatorProfiles profiles) {
    this.json = json;
    this.locks = locks;
    this.profiles = profiles;
  }

  /** Teams first, so that operators can reference teams from the same file. */
  public Uni<Void> apply(DirectorySpec spec) {
    Uni<Void> chain =
        locks
            .teams(spec.teamsOrEmpty().stream().map(TeamSpec::id).toList())
            .chain(
                () ->
                    locks.operators(
                        spec.operatorsOrEmpty().stream().map(OperatorSpec::id).toList()));
    for (TeamSpec team : spec.teamsOrEmpty()) {
      chain = chain.chain(() -> upsert(team)).replaceWithVoid();
    }
    for (OperatorSpec operator : spec.operatorsOrEmpty()) {
      chain = chain.chain(() -> upsert(operator)).replaceWithVoid();
    }
    return chain;
  }

  public Uni<TeamSpec> upsert(TeamSpec spec) {
    if (spec.id() == null || !spec.id().matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("Invalid directory entry: team id");
    }
    return Team.<Team>findById(spec.id(), LockModeType.PESSIMISTIC_WRITE)
        .chain(
            existing -> {
              Team team = existing != null ? existing : new Team();
              team.id = spec.id();
              team.displayName = spec.name() == null ? spec.id() : spec.name();
              team.supervisorId = spec.supervisor();
              team.routingMode = spec.routingModeOrDefault();
              return team.<Team>persist();
            })
        .map(DirectoryStore::toSpec);
  }

  public Uni<OperatorSpec> upsert(OperatorSpec given) {
    OperatorSpec spec = given.validated();
    return Team.findById(spec.team())
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalArgumentException("Unknown team " + spec.team()))
        .chain(() -> Operator.<Operator>findById(spec.id(), LockModeType.PESSIMISTIC_WRITE))
        .chain(
            existing -> {
              Operator operator = existing != null ? existing : newOperator();
              operator.id = spec.id();
              operator.teamId = spec.team();
              operator.displayName = spec.name() == null ? spec.id() : spec.name();
              operator.email = spec.email() == null ? "" : spec.email();
              operator.capacity = Math.max(1, spec.defaultCapacity());
              operator.alwaysPresent = Boolean.TRUE.equals(spec.alwaysPresent());
              operator.profile = write(spec);
              // Every instance's cached profile of this operator is stale from this commit on.
              operator.profileVersion++;
              return operator.<Operator>persist();
            })
        .replaceWith(spec);
  }

  public Uni<DirectorySpec> all() {
    return Team.<Team>listAll()
        .map(teams -> teams.stream().map(DirectoryStore::toSpec).toList())
        .chain(
            teams ->
                Operator.<Operator>listAll()
                    .map(
                        ops -> new DirectorySpec(teams, ops.stream().map(this::profile).toList())));
  }

  public OperatorSpec profile(Operator operator) {
    return profiles.read(operator.id, operator.profile);
  }

  private String write(OperatorSpec spec) {
    try {
      return json.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Operator newOperator() {
    Operator operator = new Operator();
    operator.presence = Presence.OFFLINE;
    return operator;
  }

  static TeamSpec toSpec(Team team) {
    return new TeamSpec(team.id, team.displayName, team.supervisorId, team.routingMode);
  }
}
