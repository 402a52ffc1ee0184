package io.switchboard.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import org.junit.jupiter.api.Test;

class ChannelPathsTest {

  @Test
  void pathsMapToTheirChannelsAndSettingsKeys() {
    assertThat(ChannelPaths.channelOf("/inquiries")).contains(Channel.WEB_FORM);
    assertThat(ChannelPaths.channelOf("/channels/telegram/")).contains(Channel.TELEGRAM);
    assertThat(ChannelPaths.channelOf("/channels/fax")).isEmpty();
    assertThat(ChannelPaths.settingsKey(Channel.WEB_FORM)).isEqualTo("web-form");
  }
}
