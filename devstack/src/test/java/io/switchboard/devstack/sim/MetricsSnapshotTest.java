package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsSnapshotTest {
  @Test
  void operatorsHoldingInquiriesBeforeTheDayMakeItNotQuiet() {
    MetricsSnapshot busy =
        snapshot(
            """
            switchboard_routing_operator_load{operator="duty-2",team="support"} 6.0
            switchboard_routing_operator_load{operator="duty-1",team="support"} 2.0
            switchboard_routing_operator_load{operator="anna",team="support"} 0.0
            """);
    MetricsSnapshot quiet =
        snapshot(
            """
            switchboard_routing_operator_load{operator="duty-1",team="support"} 0.0
            """);

    assertThat(busy.heldByOperator()).containsExactly(entry("duty-1", 2), entry("duty-2", 6));
    assertThat(SupportDay.notQuiet(busy.heldByOperator()))
        .startsWith("NOT QUIET: operators hold inquiries from before the run (duty-1 2, duty-2 6;");
    assertThat(quiet.heldByOperator()).isEmpty();
    assertThat(SupportDay.notQuiet(quiet.heldByOperator())).isNull();
  }

  @Test
  void countersAreComparedAsWhatTheRunAdded() {
    MetricsSnapshot before =
        snapshot(
            """
            # HELP switchboard_ingest_inquiries_received_total new inquiries
            switchboard_ingest_inquiries_received_total{channel="CHAT"} 3.0
            switchboard_ingest_inquiries_received_total{channel="EMAIL"} 10.0
            jvm_memory_used_bytes{area="heap"} 1.0E8
            """);
    MetricsSnapshot after =
        snapshot(
            """
            switchboard_ingest_inquiries_received_total{channel="CHAT"} 7.0
            switchboard_ingest_inquiries_received_total{channel="EMAIL"} 12.0
            switchboard_sla_clock_elapsed_seconds_bucket{clock="FIRST_RESPONSE",priority="P1",le="30.0"} 2.0
            """);

    assertThat(
            after.since(
                before,
                "switchboard_ingest_inquiries_received_total",
                MetricsSnapshot.labels("channel", "CHAT")))
        .isEqualTo(4.0);
    assertThat(
            after.since(
                before, "switchboard_ingest_inquiries_received_total", MetricsSnapshot.labels()))
        .isEqualTo(6.0);
    assertThat(after.labelValues("switchboard_sla_clock_elapsed_seconds_bucket", "le"))
        .containsExactly("30.0");
    assertThat(before.series).hasSize(2);
  }

  private static MetricsSnapshot snapshot(String text) {
    return new MetricsSnapshot(Instant.now(), MetricsSnapshot.parse(text), List.of());
  }
}
