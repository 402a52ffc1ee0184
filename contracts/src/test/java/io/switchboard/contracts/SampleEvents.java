package io.switchboard.contracts;

import java.time.Instant;
import java.util.List;

/** One fully populated instance of every event type. */
final class SampleEvents {
  static final String INQUIRY_ID = "0193a5f0-7c1e-7d2a-9b3c-4d5e6f708192";
  static final Instant AT = Instant.parse("2026-11-23T09:15:30.123Z");

  private SampleEvents() {}

  private static final List<InquiryEvent> ALL =
      List.of(
          new InquiryReceived(
              EventIds.next(),
              INQUIRY_ID,
              AT,
              InquiryReceived.SCHEMA_VERSION,
              "SB-7K3QZ9XD2M4P",
              Channel.WEB_FORM,
              new Customer("c-1", "Анна Петрова", "anna@example.com", "+79161234567"),
              "Не работает оплата",
              "Списали деньги, заказ не оформлен",
              "ru",
              "form-42",
              false),
          new InquiryAssigned(
              EventIds.next(),
              INQUIRY_ID,
              AT,
              InquiryAssigned.SCHEMA_VERSION,
              "support",
              "op-1",
              Priority.P1,
              "least loaded"),
          new ClockStarted(
              EventIds.next(),
              INQUIRY_ID,
              AT,
              ClockStarted.SCHEMA_VERSION,
              ClockKind.FIRST_RESPONSE,
              Channel.WEB_FORM,
              AT,
              AT.plusSeconds(3600),
              3600,
              true),
          new AcknowledgementSent(
              EventIds.next(),
              INQUIRY_ID,
              AT,
              AcknowledgementSent.SCHEMA_VERSION,
              INQUIRY_ID + ":ack:0",
              Channel.WEB_FORM,
              "a***@example.com",
              AT.plusSeconds(3600)));

  static List<InquiryEvent> all() {
    return ALL;
  }
}
