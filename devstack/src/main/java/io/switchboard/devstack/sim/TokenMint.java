package io.switchboard.devstack.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for the operator, supervisor and admin APIs: tokens given on the command line, or
 * RS256 tokens signed with a PKCS#8 key, as {@code routing-service/dev-jwt/token.sh} signs them for
 * the local run. Signed tokens live 12 hours and are made once per subject.
 */
final class TokenMint {
  static final String ADMIN = "sim-admin";

  private final PrivateKey key;
  private final String issuer;
  private final String adminToken;
  private final Map<String, String> given;
  private final Map<String, String> minted = new ConcurrentHashMap<>();

  TokenMint(SimOptions options) {
    this.issuer = options.jwtIssuer();
    this.adminToken = options.adminToken();
    this.given = options.operatorTokens();
    boolean needsKey = adminToken == null || given.isEmpty();
    this.key = needsKey && Files.isReadable(options.jwtKey()) ? load(options.jwtKey()) : null;
    if (adminToken == null && key == null) {
      throw new IllegalArgumentException(
          "no admin token (--admin-token) and no signing key at " + options.jwtKey());
    }
  }

  /** Roles admin and supervisor: the directory, the policy, the reports, any inquiry. */
  String admin() {
    return adminToken != null ? adminToken : sign(ADMIN, "admin\",\"supervisor");
  }

  String operator(String operatorId) {
    String token = given.get(operatorId);
    if (token != null) {
      return token;
    }
    if (key == null) {
      throw new IllegalStateException(
          "no token for operator " + operatorId + " (--operator-token)");
    }
    return sign(operatorId, "operator");
  }

  boolean canAct(String operatorId) {
    return key != null || given.containsKey(operatorId);
  }

  private String sign(String subject, String roles) {
    return minted.computeIfAbsent(subject + "/" + roles, k -> jwt(subject, roles));
  }

  private String jwt(String subject, String roles) {
    long now = Instant.now().getEpochSecond();
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String claims =
        b64(
            "{\"iss\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d}"
                .formatted(issuer, subject, subject, roles, now, now + 12 * 3600));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header
          + "."
          + claims
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static PrivateKey load(Path pem) {
    try {
      String base64 =
          Files.readString(pem)
              .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(pem + " is not a PKCS#8 RSA private key: " + e, e);
    }
  }
}
