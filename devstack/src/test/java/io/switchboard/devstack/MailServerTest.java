package io.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SUBJECT = Pattern.compile("(?m)^\\d+ .*  (\\S+)$");

  @TempDir Path store;

  @Test
  void everyMessageIsListedOnceUnderANumberThatNeverChanges() throws Exception {
    int smtpPort = Ports.free();
    int httpPort = Ports.free();
    try (MailServer server = MailServer.start(smtpPort, httpPort, store)) {
      // Mail for other recipients is filed in mailboxes listed before and after anna's, which
      // moved a message's position in GreenMail's list under the old numbering.
      send(smtpPort, "ack-1", "anna@example.com");
      assertThat(subjects(httpPort)).containsExactly("ack-1");
      send(smtpPort, "ack-2", "zoe@example.com");
      assertThat(subjects(httpPort)).containsExactly("ack-1", "ack-2");
      send(smtpPort, "resolved-1", "anna@example.com");
      assertThat(subjects(httpPort)).containsExactly("ack-1", "ack-2", "resolved-1");
      send(smtpPort, "csat-1", "boris@example.com", "anna@example.com");
      send(smtpPort, "ack-3", "aaron@example.com");

      List<String> listed = subjects(httpPort);
      assertThat(listed.subList(0, 3)).containsExactly("ack-1", "ack-2", "resolved-1");
      assertThat(listed.subList(3, 5))
          .as("a message to two recipients is kept once")
          .containsExactlyInAnyOrder("csat-1", "ack-3");
      assertThat(subjects(httpPort)).as("the same list on every request").isEqualTo(listed);
      assertThat(read(httpPort, "/messages/2")).contains("Subject: resolved-1");
    }

    try (MailServer again = MailServer.start(smtpPort, httpPort, store)) {
      send(smtpPort, "ack-4", "anna@example.com");
      List<String> afterRestart = subjects(httpPort);
      assertThat(afterRestart)
          .as("kept from the earlier run, this run's after them")
          .hasSize(6)
          .endsWith("ack-4")
          .startsWith("ack-1", "ack-2", "resolved-1");
    }
    try (var files = Files.list(store)) {
      assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(6);
    }
  }

  @Test
  void messagesJsonListsWhenEachMessageArrivedSinceAGivenNumber() throws Exception {
    int smtpPort = Ports.free();
    int httpPort = Ports.free();
    try (MailServer server = MailServer.start(smtpPort, httpPort, store)) {
      long before = System.currentTimeMillis();
      send(smtpPort, "[SB-1] We received your inquiry", "anna@example.com");
      send(smtpPort, "[SB-2] Мы получили ваше обращение", "boris@example.com", "zoe@example.com");
      long after = System.currentTimeMillis();

      String all = read(httpPort, "/messages.json?since=0");
      assertThat(all)
          .startsWith("{\"next\":2,")
          .contains("\"number\":0", "\"subject\":\"[SB-1] We received your inquiry\"")
          .contains("\"recipients\":[\"boris@example.com\",\"zoe@example.com\"]")
          .contains("[SB-2] Мы получили ваше обращение");
      Matcher received = Pattern.compile("\"receivedAt\":(\\d+)").matcher(all);
      assertThat(received.results().map(m -> Long.parseLong(m.group(1))))
          .hasSize(2)
          .allSatisfy(at -> assertThat(at).isBetween(before, after));
      assertThat(read(httpPort, "/messages.json?since=1")).doesNotContain("SB-1").contains("SB-2");
    }
  }

  private static void send(int port, String subject, String... recipients)
      throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(port));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("support@switchboard.local"));
    for (String recipient : recipients) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
    }
    message.setSubject(subject);
    message.setText("text of " + subject);
    Transport.send(message);
  }

  private static List<String> subjects(int httpPort) throws IOException, InterruptedException {
    Matcher lines = SUBJECT.matcher(read(httpPort, "/"));
    return lines.results().map(m -> m.group(1)).toList();
  }

  private static String read(int httpPort, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
