package io.switchboard.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.contracts.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesProducerTest {
  @TempDir Path folder;

  @Test
  void aFileInTheConfiguredFolderReplacesTheBuiltInTextAndTheRestStay() throws IOException {
    Files.writeString(
        folder.resolve("acknowledgement-short.en.txt"),
        "Got it, {name}: {ticket}, reply {expected}.");

    MessageTemplates templates =
        MessageTemplates.load(TemplatesProducer.source(Optional.of(folder)));

    assertThat(render(templates, Language.EN)).isEqualTo("Got it, Bob: SB-1, reply soon.");
    assertThat(render(templates, Language.RU)).startsWith("Здравствуйте, Bob!");
  }

  @Test
  void aBrokenFileInTheFolderStopsTheStart() throws IOException {
    Files.writeString(folder.resolve("resolution.ru.txt"), "[{ticket}] Решено\n{customerName}");

    assertThatThrownBy(() -> MessageTemplates.load(TemplatesProducer.source(Optional.of(folder))))
        .isInstanceOf(MessageTemplates.InvalidTemplate.class)
        .hasMessageContaining("resolution.ru.txt")
        .hasMessageContaining("customerName");
  }

  @Test
  void withoutAFolderTheBuiltInTextsLoad() {
    assertThat(
            render(MessageTemplates.load(TemplatesProducer.source(Optional.empty())), Language.EN))
        .startsWith("Hello Bob! We received your inquiry SB-1.");
  }

  private static String render(MessageTemplates templates, Language language) {
    return templates
        .render(
            MessageTemplates.Name.ACKNOWLEDGEMENT_SHORT,
            language,
            Map.of(
                "name",
                "Bob",
                "ticket",
                "SB-1",
                "channel",
                Channel.CHAT.name(),
                "expected",
                "soon",
                "offHours",
                false))
        .body();
  }
}
