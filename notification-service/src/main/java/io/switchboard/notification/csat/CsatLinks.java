package io.switchboard.notification.csat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed rating links: the token is an HMAC of the inquiry id, so a link rates its own inquiry only
 * and nobody can rate someone else's by guessing ids. Pure, no I/O.
 */
public final class CsatLinks {
  private final String base;
  private final byte[] secret;

  public CsatLinks(String base, String secret) {
    this.base = base.replaceAll("/+$", "");
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String link(String inquiryId) {
    return base
        + "/"
        + inquiryId
        + "?token="
        + URLEncoder.encode(token(inquiryId), StandardCharsets.UTF_8);
  }

  public boolean verify(String inquiryId, String token) {
    return token != null
        && MessageDigest.isEqual(
            token(inquiryId).getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8));
  }

  String token(String inquiryId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(inquiryId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
