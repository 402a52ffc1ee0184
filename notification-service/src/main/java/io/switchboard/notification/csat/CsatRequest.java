package io.switchboard.notification.csat;

/**
 * A rating as the rating page or a client posts it.
 *
 * @param token from the rating link
 * @param score 1 (bad) to 5 (excellent)
 * @param comment optional
 */
public record CsatRequest(String token, Integer score, String comment) {}
