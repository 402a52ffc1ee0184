package io.switchboard.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultHooksTest {
  @Test
  void aSpecNamesThePointAndHowManyPassesItTakes() {
    var armed = FaultHooks.parse("AFTER_PUBLISH_BEFORE_DELETE@3");

    assertThat(armed.point()).isEqualTo(FaultPoint.AFTER_PUBLISH_BEFORE_DELETE);
    assertThat(armed.after()).isEqualTo(3);
    assertThat(FaultHooks.parse("AFTER_DB_COMMIT_BEFORE_OFFSET_COMMIT").after()).isEqualTo(1);
  }

  @Test
  void blankDisarmsAndNonsenseIsRefused() {
    assertThat(FaultHooks.parse("")).isNull();
    assertThatThrownBy(() -> FaultHooks.parse("SOMEWHERE@2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultHooks.parse("AFTER_PUBLISH_BEFORE_DELETE@x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
