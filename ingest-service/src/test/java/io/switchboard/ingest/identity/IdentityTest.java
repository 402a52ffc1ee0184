package io.switchboard.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.EventIds;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityTest {

  @Test
  void identifiersAreSortedAndANewPersonGetsAProvisionalId() {
    Identity identity = Identity.of("anna@example.com", "+79161234567");
    assertThat(identity.identifiers())
        .containsExactly("email:anna@example.com", "phone:+79161234567");
    assertThat(UUID.fromString(identity.provisionalId()).version()).isEqualTo(7);
    assertThat(Identity.of(null, "+79161234567").identifiers())
        .containsExactly("phone:+79161234567");
  }

  @Test
  void withoutContactsThereIsNoIdentity() {
    assertThat(Identity.of(null, null).isEmpty()).isTrue();
    assertThat(Identity.of(null, null).provisionalId()).isNull();
    assertThat(Identity.none().isEmpty()).isTrue();
  }

  @Test
  void theOldestKnownCustomerSurvivesAndTheProvisionalIdOnlyWhenNoneIsKnown() {
    UUID older = EventIds.next();
    UUID newer = new UUID(older.getMostSignificantBits() + (1L << 16), 0x8000000000000001L);
    UUID provisional = new UUID(older.getMostSignificantBits() - (1L << 16), 0x8000000000000002L);
    assertThat(CustomerIdentities.survivor(List.of(newer, older), provisional)).isEqualTo(older);
    // A claim that met a concurrent link left this request's id on an identifier: it is the one
    // merged away, even when it sorts first, because no event carries it.
    assertThat(CustomerIdentities.survivor(List.of(provisional, newer), provisional))
        .isEqualTo(newer);
    assertThat(CustomerIdentities.survivor(List.of(provisional), provisional))
        .isEqualTo(provisional);
    assertThat(CustomerIdentities.survivor(List.of(), provisional)).isEqualTo(provisional);
  }
}
