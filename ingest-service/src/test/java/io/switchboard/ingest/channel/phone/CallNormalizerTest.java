package io.switchboard.ingest.channel.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.ingest.problem.FieldError;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallNormalizerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static CallEvent call(String event, String caller, CallEvent.Recording recording) {
    return new CallEvent("c-1", event, caller, null, null, 23, recording);
  }

  @Test
  void aMissedCallIsAnInquiryToCallBackInTheCallersLanguage() {
    var event =
        CallNormalizer.received(
            call("missed", "8 916 555-12-34", null),
            "+79165551234",
            "cust",
            NOW,
            1000,
            new Random(1));
    assertThat(event.channel()).isEqualTo(Channel.PHONE);
    assertThat(event.kind()).isEqualTo(InquiryKind.MISSED_CALL);
    assertThat(event.customer().phone()).isEqualTo("+79165551234");
    assertThat(event.customer().customerId()).isEqualTo("cust");
    assertThat(event.language()).isEqualTo("ru");
    assertThat(event.text()).isEqualTo("Пропущенный звонок (ждал 23 с): перезвоните клиенту");
    assertThat(event.replyAddress().channel()).isEqualTo(Channel.PHONE);
    assertThat(event.replyAddress().address()).isEqualTo("+79165551234");
  }

  @Test
  void aVoicemailCarriesItsTranscriptAndRecording() {
    var recording =
        new CallEvent.Recording("https://pbx/r.mp3", "audio/mpeg", 1000L, "Call me back");
    var event =
        CallNormalizer.received(
            call("voicemail", "+442079460958", recording),
            "+442079460958",
            null,
            NOW,
            1000,
            new Random(1));
    assertThat(event.kind()).isEqualTo(InquiryKind.VOICEMAIL);
    assertThat(event.text()).isEqualTo("Call me back");
    assertThat(event.language()).isEqualTo("en");
    assertThat(event.attachments())
        .containsExactly(new Attachment("https://pbx/r.mp3", "audio/mpeg", 1000));
  }

  @Test
  void unknownEventsAndHiddenOrBrokenNumbersAreRefused() {
    assertThat(CallNormalizer.validate(call("ringing", "anonymous", null), "RU"))
        .extracting(FieldError::field)
        .containsExactly("event", "caller");
    assertThat(CallNormalizer.validate(call("missed", null, null), "RU"))
        .extracting(FieldError::reason)
        .containsExactly("a number to call back is needed");
    assertThat(CallNormalizer.validate(call("missed", "+7 916 555-12-34", null), "RU")).isEmpty();
  }
}
