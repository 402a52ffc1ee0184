package io.switchboard.contracts;

/** Kafka topic names. One topic per producing service; the AsyncAPI document describes each. */
public final class Topics {
  public static final String INQUIRIES_INBOUND = "inquiries.inbound";
  public static final String INQUIRIES_LIFECYCLE = "inquiries.lifecycle";
  public static final String SLA_EVENTS = "sla.events";
  public static final String NOTIFICATIONS_EVENTS = "notifications.events";

  private Topics() {}

  /**
   * The dead-letter topic a consuming service writes the records of {@code topic} it cannot process
   * to, e.g. {@code inquiries.inbound.routing.dlq}.
   */
  public static String deadLetter(String topic, String consumer) {
    return topic + "." + consumer + ".dlq";
  }
}
