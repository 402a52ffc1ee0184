package io.switchboard.devstack;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Mail is taken at delivery, not from GreenMail's mailboxes: GreenMail would keep every message
 * and create a user per recipient in memory, and listing its mailboxes costs time proportional to
 * all mail ever received. A benchmark sends hundreds of thousands of acknowledgements, each to its
 * own address; taken at delivery, memory and work stay per message. The moment of delivery (SMTP
 * DATA complete) is also what {@code GET /messages.json} reports as a message's receive time.
 */
public final class MailServer implements AutoCloseable {
  /**
   * Receipts {@code /messages.json} can still list: a reader polls with {@code since}, so only the
   * recent ones matter, and the bound keeps a long run's memory flat.
   */
  private static final int LISTED_RECEIPTS = 200_000;

  private final GreenMail smtp;
  private final HttpServer http;
  private final Path store;
  private final Set<String> kept = new HashSet<>();
  private final Map<Integer, MimeMessage> unwritten = new java.util.LinkedHashMap<>();
  private final Deque<Receipt> receipts = new ArrayDeque<>();
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
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
      MailServer server = new MailServer(smtp, http, store);
      smtp.getUserManager().setMessageDeliveryHandler(server::deliver);
      smtp.start();
      http.createContext("/", server::serve);
      http.start();
      server.keeper.scheduleWithFixedDelay(server::persistQuietly, 1, 1, TimeUnit.SECONDS);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("mail server did not start", e);
    }
  }

  public String viewerUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  /**
   * Called by GreenMail once per recipient of a message whose DATA is complete; the message is kept
   * once, and GreenMail gets a user that stores nothing.
   */
  private GreenMailUser deliver(MovingMessage message, MailAddress recipient)
      throws MessagingException {
    long receivedAt = System.currentTimeMillis();
    MimeMessage mime = message.getMessage();
    try {
      note(mime, receivedAt);
    } catch (IOException e) {
      throw new MessagingException("cannot keep the message", e);
    }
    return Sink.USER;
  }

  private synchronized void note(MimeMessage message, long receivedAt)
      throws IOException, MessagingException {
    if (!kept.add(identity(message))) {
      return;
    }
    int number = next++;
    unwritten.put(number, message);
    List<String> recipients = new ArrayList<>();
    Address[] all = message.getAllRecipients();
    for (Address address : all == null ? new Address[0] : all) {
      recipients.add(address.toString());
    }
    receipts.addLast(
        new Receipt(number, receivedAt, message.getMessageID(), recipients, message.getSubject()));
    if (receipts.size() > LISTED_RECEIPTS) {
      receipts.removeFirst();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/messages.json")) {
      // Only what arrived in memory: reading the kept files would cost time per message ever kept.
      respond(exchange, "application/json", receiptsJson(exchange.getRequestURI().getQuery()));
      return;
    }
    serveViewer(exchange, path);
  }

  private synchronized void serveViewer(HttpExchange exchange, String path) throws IOException {
    persist();
    MimeMessage[] messages = kept();
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
    respond(exchange, "text/plain", body);
  }

  private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * {@code {"next":N,"messages":[{"number","receivedAt" (epoch ms),"messageId","recipients",
   * "subject"}]}} for the messages numbered {@code since} and later that this server received since
   * it started; {@code next} is the number the next message will get, the {@code since} of the
   * following poll.
   */
  private synchronized byte[] receiptsJson(String query) {
    int since = 0;
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("since=")) {
          try {
            since = Integer.parseInt(parameter.substring("since=".length()));
          } catch (NumberFormatException ignored) {
            // lists everything still held
          }
        }
      }
    }
    StringBuilder json = new StringBuilder(4096);
    json.append("{\"next\":").append(next).append(",\"messages\":[");
    // A poller asks for the newest few: walk from the end rather than over everything held.
    List<Receipt> wanted = new ArrayList<>();
    for (var it = receipts.descendingIterator(); it.hasNext(); ) {
      Receipt receipt = it.next();
      if (receipt.number() < since) {
        break;
      }
      wanted.add(receipt);
    }
    boolean first = true;
    for (Receipt receipt : wanted.reversed()) {
      json.append(first ? "" : ",").append("{\"number\":").append(receipt.number());
      json.append(",\"receivedAt\":").append(receipt.receivedAt());
      json.append(",\"messageId\":").append(quoted(receipt.messageId()));
      json.append(",\"recipients\":[");
      for (int i = 0; i < receipt.recipients().size(); i++) {
        json.append(i == 0 ? "" : ",").append(quoted(receipt.recipients().get(i)));
      }
      json.append("],\"subject\":").append(quoted(receipt.subject())).append('}');
      first = false;
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
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

  private synchronized void persist() throws IOException {
    try {
      for (var it = unwritten.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        entry.getValue().writeTo(raw);
        Files.write(store.resolve(String.format("%05d.eml", entry.getKey())), raw.toByteArray());
        it.remove();
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
      persist();
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not keep the received mail: " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    keeper.shutdownNow();
    smtp.stop();
    try {
      persist();
    } catch (IOException e) {
      System.err.println("Could not keep the received mail: " + e.getMessage());
    }
    http.stop(0);
  }

  /** What {@code /messages.json} says about one message. */
  private record Receipt(
      int number, long receivedAt, String messageId, List<String> recipients, String subject) {}

  /** The GreenMail user every message is delivered to: it keeps nothing (see the class comment). */
  private static final class Sink implements GreenMailUser {
    static final Sink USER = new Sink();

    @Override
    public String getEmail() {
      return "sink@localhost";
    }

    @Override
    public String getLogin() {
      return "sink";
    }

    @Override
    public void deliver(MovingMessage message) {}

    @Override
    public void deliver(MimeMessage message) {}

    @Override
    public void create() {}

    @Override
    public void delete() {}

    @Override
    public String getPassword() {
      return "";
    }

    @Override
    public void setPassword(String password) {}

    @Override
    public void authenticate(String password) {}

    @Override
    public String getQualifiedMailboxName() {
      return "sink";
    }
  }
}
