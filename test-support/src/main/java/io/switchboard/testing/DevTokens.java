package io.switchboard.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Set;

/**
 * Bearer tokens signed with the development key that every service trusts by default (kept in
 * routing-service/dev-jwt; tests run with a service module as working directory).
 */
public final class DevTokens {
  private static final Path KEY_FILE = Path.of("../routing-service/dev-jwt/private-key.pem");
  private static final PrivateKey KEY = load();

  private DevTokens() {}

  /** A one-hour token for {@code subject} with the given roles (JWT groups). */
  public static String of(String subject, String... roles) {
    return Jwt.issuer("switchboard")
        .subject(subject)
        .upn(subject)
        .groups(Set.of(roles))
        .expiresIn(3600)
        .sign(KEY);
  }

  private static PrivateKey load() {
    try {
      return KeyUtils.decodePrivateKey(Files.readString(KEY_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
