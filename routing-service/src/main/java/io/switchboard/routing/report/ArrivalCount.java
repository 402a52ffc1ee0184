package io.switchboard.routing.report;

/**
 * Inquiries received in one hour of one weekday of the report's zone.
 *
 * @param isoWeekday 1 (Monday) to 7 (Sunday)
 * @param hour 0 to 23
 */
public record ArrivalCount(int isoWeekday, int hour, long count) {}
