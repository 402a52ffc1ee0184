package io.switchboard.ingest.channel.phone;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A PBX call event, as a PBX's webhook (or a small bridge from its AMI/API) posts it. */
@Schema(
    description = "A PBX call event",
    example =
        """
        {"callId": "1732350000.42", "event": "missed", "caller": "+7 916 123-45-67",
         "called": "+7 495 000-00-00", "waitSeconds": 23}
        """)
public record CallEvent(
    @Schema(
            required = true,
            description = "The PBX's call id; with the event, makes redelivery harmless")
        String callId,
    @Schema(required = true, description = "missed, answered or voicemail") String event,
    @Schema(required = true, description = "The caller's number (CLI)") String caller,
    @Schema(description = "The company's line that was called") String called,
    @Schema(description = "For answered calls: the operator who took it") String operatorId,
    @Schema(description = "How long the caller waited before hanging up") Integer waitSeconds,
    @Schema(description = "For voicemail: the recording") Recording recording) {

  /**
   * @param url where the PBX keeps the recording
   * @param transcript speech-to-text of the message, when the PBX provides one
   */
  public record Recording(String url, String contentType, Long sizeBytes, String transcript) {}

  public static final String MISSED = "missed";
  public static final String ANSWERED = "answered";
  public static final String VOICEMAIL = "voicemail";
}
