package io.switchboard.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's mail server: accepts everything the services send over SMTP, keeps each message
 * once as an {@code .eml} file, and lists them over HTTP so that a newcomer can read the
 * acknowledgement their curl produced.
 *
 * <p>GreenMail files a message in one mailbox per recipient and lists them mailbox by mailbox, so a
 * message's position in that list moves as mail arrives for other recipients. A message is
 * therefore known by its identity (its Message-ID, or a digest of its content when it has none) and
 * numbered in the order it was first seen; numbers never change and nothing is kept twice.
 */
public final class MailServer implements AutoCloseable {
  private final GreenMail smtp;
  private final HttpServer http;
  private final Path store;
  private final Set<String> kept = new HashSet<>();
  // Mail is written to disk as it arrives, not only when somebody looks: a killed run keeps it.
  private final ScheduledExecutorService keeper =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("mail-keeper").daemon().factory());
  private int next;

  private MailServer(GreenMail smtp, HttpServer http, Path store) throws IOException {
    this.smtp = smtp;
    this.http = http;
    this.store = store;
    // Messages kept by earlier runs stay listed; this run's are numbered after them.
    for (Path file : emlFiles()) {
      try (var in = Files.newInputStream(file)) {
        kept.add(identity(new MimeMessage(Session.getDefaultInstance(new Properties()), in)));
      } catch (MessagingException unreadable) {
        // Still counted below, so that its number is not reused.
      }
      next++;
    }
  }

  public static MailServer start(int smtpPort, int httpPort, Path store) {
    try {
      Files.createDirectories(store);
      GreenMail smtp =
          new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
      MailServer server = new MailServer(smtp, http, store);
      http.createContext("/", server::serve);
      http.start();
      server.keeper.scheduleWithFixedDelay(server::persistQuietly, 2, 2, TimeUnit.SECONDS);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("mail server did not start", e);
    }
  }

  public String viewerUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  private synchronized void serve(HttpExchange exchange) throws IOException {
    persist(smtp.getReceivedMessages());
    MimeMessage[] messages = kept();
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    try {
      if (path.startsWith("/messages/") && path.endsWith(".eml")) {
        String number = path.substring("/messages/".length(), path.length() - ".eml".length());
        body = raw(messages, Integer.parseInt(number));
      } else if (path.startsWith("/messages/")) {
        int number = Integer.parseInt(path.substring("/messages/".length()));
        body = readable(messages[number]).getBytes(StandardCharsets.UTF_8);
      } else {
        body = index(messages).getBytes(StandardCharsets.UTF_8);
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      exchange.sendResponseHeaders(404, -1);
      return;
    } catch (MessagingException e) {
      throw new IOException(e);
    }
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String index(MimeMessage[] messages) throws MessagingException {
    StringBuilder text =
        new StringBuilder(
            messages.length
                + " message(s); /messages/N reads one, /messages/N.eml is its source\n");
    for (int i = 0; i < messages.length; i++) {
      MimeMessage m = messages[i];
      text.append(i)
          .append("  ")
          .append(m.getSentDate())
          .append("  to ")
          .append(Arrays.toString(m.getAllRecipients()))
          .append("  ")
          .append(m.getSubject())
          .append('\n');
    }
    return text.toString();
  }

  private static String readable(MimeMessage message) throws IOException, MessagingException {
    StringBuilder text = new StringBuilder();
    for (String header : new String[] {"Date", "From", "To", "Message-ID", "Auto-Submitted"}) {
      String value = message.getHeader(header, ", ");
      if (value != null) {
        text.append(header).append(": ").append(value).append('\n');
      }
    }
    text.append("Subject: ").append(message.getSubject()).append("\n\n");
    Object content = message.getContent();
    text.append(content instanceof String plain ? plain : "(" + message.getContentType() + ")");
    return text.append('\n').toString();
  }

  private List<Path> emlFiles() throws IOException {
    try (var files = Files.list(store)) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    }
  }

  private MimeMessage[] kept() throws IOException {
    try {
      List<Path> eml = emlFiles();
      MimeMessage[] messages = new MimeMessage[eml.size()];
      for (int i = 0; i < messages.length; i++) {
        try (var in = Files.newInputStream(eml.get(i))) {
          messages[i] = new MimeMessage(Session.getDefaultInstance(new Properties()), in);
        }
      }
      return messages;
    } catch (MessagingException e) {
      throw new IOException(e);
    }
  }

  private static byte[] raw(MimeMessage[] messages, int index)
      throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    messages[index].writeTo(out);
    return out.toByteArray();
  }

  private synchronized void persist(MimeMessage[] messages) throws IOException {
    try {
      for (int i = 0; i < messages.length; i++) {
        if (kept.add(identity(messages[i]))) {
          Files.write(store.resolve(String.format("%05d.eml", next++)), raw(messages, i));
        }
      }
    } catch (MessagingException e) {
      throw new IOException(e);
    }
  }

  /** The Message-ID, or a digest of the whole message for mail without one. */
  static String identity(MimeMessage message) throws IOException, MessagingException {
    String id = message.getMessageID();
    if (id != null && !id.isBlank()) {
      return "id:" + id.strip();
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void persistQuietly() {
    try {
      persist(smtp.getReceivedMessages());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not keep the received mail: " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    keeper.shutdownNow();
    try {
      persist(smtp.getReceivedMessages());
    } catch (IOException e) {
      System.err.println("Could not keep the received mail: " + e.getMessage());
    }
    http.stop(0);
    smtp.stop();
  }
}
