package io.switchboard.sla.report;

/**
 * What the database counted for one channel (or all of them, {@code channel == null}): clocks
 * started in the period and the percentiles of the stopped ones' counted seconds.
 */
public record SlaFigures(
    String channel,
    long inquiries,
    long answered,
    long answeredLate,
    long resolutionsStopped,
    long resolutionsMet,
    Double firstResponseP50,
    Double firstResponseP90,
    Double resolutionP50,
    Double resolutionP90) {}
