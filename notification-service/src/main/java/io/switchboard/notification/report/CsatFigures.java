package io.switchboard.notification.report;

/**
 * What the database counted for one group of ratings.
 *
 * @param group which grouping the row belongs to
 * @param key the channel or operator id; null for the total, and for ratings of inquiries no
 *     operator was assigned to
 * @param scores how many ratings gave 1, 2, 3, 4 and 5, in that order
 */
public record CsatFigures(Group group, String key, long responses, Double average, long[] scores) {
  /** The groupings of the report. */
  public enum Group {
    CHANNEL,
    OPERATOR,
    TOTAL
  }
}
