package io.switchboard.notification.delivery;

import io.switchboard.contracts.NotificationKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The ledger's keys: pure, no I/O. */
public final class NotificationIds {
  private NotificationIds() {}

  /**
   * Inquiry, kind and level, deterministic so that every delivery of the same event finds the same
   * row: the acknowledgement is {@code <inquiry>:ack:0}, and escalation levels of one alert kind
   * are told apart by their level.
   */
  public static String of(String inquiryId, NotificationKind kind, int level) {
    String kindPart =
        kind == NotificationKind.ACKNOWLEDGEMENT
            ? "ack"
            : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return inquiryId + ":" + kindPart + ":" + level;
  }

  /**
   * SHA-256 of the normalized address: finds a customer's recent acknowledgements without storing
   * the address in the settled ledger.
   */
  public static String recipientKey(String address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
