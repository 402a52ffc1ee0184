package io.switchboard.routing.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.retry.Conflicts;
import io.switchboard.routing.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies the directory file at start: the teams and operators it lists are created or updated,
 * entries added through the admin API and absent from the file stay as they are. Instances that
 * start together take turns on a transaction-scoped advisory lock, so the second one updates what
 * the first inserted instead of failing on the same primary keys. Only loads take that lock, and
 * before any row lock; an admin API call that inserts the same entry meanwhile makes the load run
 * again.
 */
@ApplicationScoped
public class DirectoryFileLoader {
  private static final Logger LOG = Logger.getLogger(DirectoryFileLoader.class);
  private static final String BUILT_IN = "directory.yaml";
  private static final String LOAD_LOCK =
      "select 1 from (select pg_advisory_xact_lock(hashtext('switchboard.routing.directory')))"
          + " as locked";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());

  private final DirectoryStore store;
  private final Optional<Path> file;

  public DirectoryFileLoader(DirectoryStore store, RoutingConfig config) {
    this.store = store;
    this.file = config.directoryFile();
  }

  void onStart(@Observes StartupEvent start) throws Throwable {
    DirectorySpec spec = read();
    VertxContextSupport.subscribeAndAwait(() -> load(spec));
    LOG.infof(
        "Directory from %s: %d teams, %d operators",
        file.map(Path::toString).orElse("built-in defaults"),
        spec.teamsOrEmpty().size(),
        spec.operatorsOrEmpty().size());
  }

  /** One transaction holding the load lock; released at commit or rollback. */
  Uni<Void> load(DirectorySpec spec) {
    return Conflicts.retry(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(s -> s.createNativeQuery(LOAD_LOCK, Integer.class).getSingleResult())
                        .chain(() -> store.apply(spec))));
  }

  DirectorySpec read() throws IOException {
    try (InputStream in =
        file.isPresent()
            ? Files.newInputStream(file.get())
            : Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
      return YAML.readValue(in, DirectorySpec.class);
    }
  }
}
