package io.switchboard.routing.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators' profiles (skills, capacities, schedule), parsed once per version and kept in memory.
 * The version lives on the operator's row and every directory write bumps it ({@link
 * DirectoryStore}); routing reads the versions with the team's load at every decision, so a profile
 * changed through the API or the directory file, on this instance or another, is read again at the
 * next decision and never used stale. Presence is not kept here: it changes far more often and is
 * read fresh with the load, in the statement a decision makes anyway.
 */
@ApplicationScoped
public class OperatorProfiles {
  private static final String PROFILES =
      "select id, profile, profile_version from routing.operator where id in (:ids)";

  private final ObjectMapper json;
  private final Map<String, Versioned> parsed = new ConcurrentHashMap<>();

  public OperatorProfiles(ObjectMapper json) {
    this.json = json;
  }

  private record Versioned(long version, OperatorProfile profile) {}

  /**
   * The profiles of the operators at the given versions; reads from the database only those not in
   * memory at exactly that version (a restored database may go back), all in one statement, inside
   * the caller's session.
   */
  public Uni<Map<String, OperatorProfile>> at(Map<String, Long> versions) {
    Map<String, OperatorProfile> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    versions.forEach(
        (id, version) -> {
          Versioned known = parsed.get(id);
          if (known != null && known.version() == version) {
            found.put(id, known.profile());
          } else {
            missing.add(id);
          }
        });
    if (missing.isEmpty()) {
      return Uni.createFrom().item(found);
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(PROFILES, Object[].class)
                    .setParameter("ids", missing)
                    .getResultList())
        .map(
            rows -> {
              for (Object[] row : rows) {
                String id = (String) row[0];
                Versioned read =
                    new Versioned(
                        ((Number) row[2]).longValue(),
                        OperatorProfile.of(read(id, (String) row[1])));
                // Concurrent readers may race: whichever they leave, a mismatch reads it again.
                parsed.put(id, read);
                found.put(id, read.profile());
              }
              return found;
            });
  }

  /** An operator's profile document, as stored. */
  public OperatorSpec read(String operatorId, String profile) {
    try {
      return json.readValue(profile, OperatorSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable profile of operator " + operatorId, e);
    }
  }
}
