package io.switchboard.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for routing-service's operator API, signed with the development key that the
 * packaged service trusts by default (what routing-service/dev-jwt/token.sh prints).
 */
final class DevTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private final PrivateKey key;

  DevTokens(Path repositoryRoot) {
    try {
      String pem =
          Files.readString(repositoryRoot.resolve("routing-service/dev-jwt/private-key.pem"))
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String of(String subject, String... roles) {
    long now = Instant.now().getEpochSecond();
    try {
      String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes());
      String claims =
          URL.encodeToString(
              JSON.writeValueAsBytes(
                  Map.of(
                      "iss",
                      "switchboard",
                      "sub",
                      subject,
                      "upn",
                      subject,
                      "groups",
                      List.of(roles),
                      "iat",
                      now,
                      "exp",
                      now + 3600)));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      return header + "." + claims + "." + URL.encodeToString(rsa.sign());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
