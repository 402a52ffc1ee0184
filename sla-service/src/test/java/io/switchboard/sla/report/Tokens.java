package io.switchboard.sla.report;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Set;

/** Bearer tokens signed with the development key (kept in routing-service/dev-jwt). */
final class Tokens {
  private static final PrivateKey KEY = load();

  private Tokens() {}

  static String of(String subject, String... roles) {
    return Jwt.issuer("switchboard")
        .subject(subject)
        .upn(subject)
        .groups(Set.of(roles))
        .expiresIn(3600)
        .sign(KEY);
  }

  private static PrivateKey load() {
    try {
      return KeyUtils.decodePrivateKey(
          Files.readString(Path.of("../routing-service/dev-jwt/private-key.pem")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
