package io.switchboard.e2e.fault;

import java.util.List;

/**
 * One line of the fault suite's table.
 *
 * @param drainedSeconds from the end of the fault until every accepted inquiry of the window had
 *     all its events and its acknowledgement; negative when that never happened
 * @param republished inquiries with an event on its topic more than once under the same ce_id
 * @param resent inquiries whose acknowledgement a provider took more than once (same id)
 * @param notReady instances whose /q/health/ready did not answer 200 after the fault
 * @param failures why the row fails beyond the counts (e.g. an armed service that never halted)
 * @param notes what happened, for the reader: pids, restart times, reasons of dead letters
 */
record FaultRow(
    String fault,
    int accepted,
    int lost,
    int doubled,
    int deadLettered,
    double drainedSeconds,
    int republished,
    int resent,
    int outOfOrder,
    List<String> notReady,
    List<String> failures,
    List<String> notes,
    double seconds) {

  boolean failed() {
    return lost > 0
        || doubled > 0
        || deadLettered > 0
        || outOfOrder > 0
        || !notReady.isEmpty()
        || !failures.isEmpty();
  }

  static String table(List<FaultRow> rows) {
    int width = rows.stream().mapToInt(r -> r.fault().length()).max().orElse(5);
    String format = "%-" + width + "s %8s %5s %7s %13s %8s %11s %6s %8s %9s %6s %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            format,
            "fault",
            "accepted",
            "lost",
            "doubled",
            "dead-lettered",
            "drained",
            "republished",
            "resent",
            "disorder",
            "not ready",
            "took",
            "verdict"));
    for (FaultRow row : rows) {
      out.append(
          String.format(
              format,
              row.fault(),
              row.accepted(),
              row.lost(),
              row.doubled(),
              row.deadLettered(),
              row.drainedSeconds() < 0 ? "never" : String.format("%.1f s", row.drainedSeconds()),
              row.republished(),
              row.resent(),
              row.outOfOrder(),
              row.notReady().size(),
              String.format("%.0f s", row.seconds()),
              row.failed() ? "FAIL" : "ok"));
    }
    return out.toString();
  }

  static String details(List<FaultRow> rows) {
    StringBuilder out = new StringBuilder();
    for (FaultRow row : rows) {
      out.append("== ")
          .append(row.fault())
          .append(row.failed() ? "  [FAIL]" : "  [ok]")
          .append('\n');
      row.failures().forEach(f -> out.append("  FAILURE: ").append(f).append('\n'));
      row.notReady().forEach(n -> out.append("  NOT READY: ").append(n).append('\n'));
      row.notes().forEach(n -> out.append("  ").append(n).append('\n'));
    }
    return out.toString();
  }
}
