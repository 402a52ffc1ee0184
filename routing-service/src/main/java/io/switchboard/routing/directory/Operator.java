package io.switchboard.routing.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** An operator row; skills, capacities and schedule live in {@code profile} as JSON. */
@Entity
public class Operator extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "team_id")
  public String teamId;

  @Column(name = "display_name")
  public String displayName;

  public String email;

  /** Capacity on channels the profile does not name; kept for readers of the plain table. */
  public int capacity;

  /** The operator's {@link DirectorySpec.OperatorSpec} as JSON. */
  public String profile;

  /** Bumped with every write of {@link #profile}: the key of the parsed profiles in memory. */
  @Column(name = "profile_version")
  public long profileVersion;

  @Column(name = "always_present")
  public boolean alwaysPresent;

  @Enumerated(EnumType.STRING)
  public Presence presence;

  @Column(name = "last_seen_at")
  public Instant lastSeenAt;
}
