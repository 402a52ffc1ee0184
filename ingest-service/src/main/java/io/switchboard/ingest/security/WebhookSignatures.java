package io.switchboard.ingest.security;

import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks webhook callers: an HMAC-SHA256 of the exact body bytes, hex, in {@code X-Signature} as
 * {@code sha256=<hex>} (the convention GitHub and most SaaS webhooks use), or the Telegram secret
 * token.
 */
@ApplicationScoped
public class WebhookSignatures {
  public static final String SIGNATURE_HEADER = "X-Signature";
  public static final String TELEGRAM_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final String PREFIX = "sha256=";

  private final IngestConfig config;

  public WebhookSignatures(IngestConfig config) {
    this.config = config;
  }

  /**
   * @throws ProblemException 401 when the signature is missing or does not match the body
   */
  public void verifyBody(String channel, String signature, byte[] body) {
    String secret = secret(channel).orElseThrow(ProblemException::invalidSignature);
    if (signature == null || !signature.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      throw ProblemException.invalidSignature();
    }
    String expected = PREFIX + sign(secret, body);
    if (!ApiKeys.sameSecret(expected, signature.toLowerCase(Locale.ROOT))) {
      throw ProblemException.invalidSignature();
    }
  }

  /**
   * @throws ProblemException 401 when the token is missing or wrong
   */
  public void verifyToken(String channel, String token) {
    String secret = secret(channel).orElseThrow(ProblemException::invalidSecretToken);
    if (!ApiKeys.sameSecret(secret, token)) {
      throw ProblemException.invalidSecretToken();
    }
  }

  // A channel without a secret accepts nobody: no caller can prove who it is.
  private Optional<String> secret(String channel) {
    IngestConfig.ChannelSettings settings = config.channels().get(channel);
    return settings == null ? Optional.empty() : settings.secret();
  }

  /** Lower-case hex HMAC-SHA256 of the body, as a sender computes it. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
