package io.switchboard.notification.template;

import io.quarkus.runtime.Startup;
import io.switchboard.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Loads the templates once, at start, so that a broken override stops the service right away. */
public class TemplatesProducer {
  private static final Logger LOG = Logger.getLogger(TemplatesProducer.class);
  private static final String BUILT_IN = "notification-templates/";

  @Produces
  @ApplicationScoped
  @Startup
  MessageTemplates templates(NotificationConfig config) {
    config
        .templateFolder()
        .ifPresent(f -> LOG.infof("Message templates in %s replace the built-in ones", f));
    return MessageTemplates.load(source(config.templateFolder()));
  }

  /** A template's text: the file in {@code folder} when there is one, else the built-in one. */
  static Function<String, String> source(Optional<Path> folder) {
    return MessageTemplates.overriding(
        file ->
            folder
                .map(f -> f.resolve(file))
                .filter(Files::isRegularFile)
                .map(TemplatesProducer::read),
        TemplatesProducer::builtIn);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String builtIn(String file) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN + file)) {
      if (in == null) {
        throw new IllegalStateException("no built-in template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
