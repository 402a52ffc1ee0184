package io.switchboard.ingest.channel.email;

import io.switchboard.contracts.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads a raw RFC 5322 message with Jakarta Mail: pure, no I/O beyond the given bytes. */
public final class EmailParser {
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

  private EmailParser() {}

  public static ParsedEmail parse(byte[] raw) throws MalformedEmailException {
    try {
      MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      Body body = new Body();
      collect(message, body);
      String text =
          body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
      InternetAddress from = from(message);
      String fromAddress = from == null ? null : from.getAddress();
      String bounceOf = DeliveryReports.ownMessageReturned(message, fromAddress).orElse(null);
      return new ParsedEmail(
          firstId(header(message, "Message-ID")),
          ids(header(message, "In-Reply-To")),
          ids(header(message, "References")),
          from == null ? null : blankToNull(from.getPersonal()),
          fromAddress,
          subject(message),
          EmailText.clean(text),
          List.copyOf(body.attachments),
          bounceOf != null || AutomaticMail.isAutomatic(message, fromAddress),
          bounceOf);
    } catch (MessagingException | IOException e) {
      throw new MalformedEmailException("not a readable RFC 5322 message: " + e.getMessage(), e);
    }
  }

  private static final class Body {
    String plain;
    String html;
    final List<Attachment> attachments = new ArrayList<>();
  }

  // Walks the MIME tree: the first text/plain and text/html that are not attachments become the
  // body (multipart/alternative offers both; plain is what the sender meant as text), every other
  // leaf is an attachment kept as metadata.
  private static void collect(Part part, Body body) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, body);
      }
      return;
    }
    boolean attached =
        Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    if (!attached && part.isMimeType("text/plain") && body.plain == null) {
      body.plain = text(part);
    } else if (!attached && part.isMimeType("text/html") && body.html == null) {
      body.html = text(part);
    } else if (attached || !part.isMimeType("text/*") && !isReport(part)) {
      body.attachments.add(attachment(part));
    }
  }

  // The machine-readable half of a bounce says nothing a person needs as a file.
  private static boolean isReport(Part part) throws MessagingException {
    return part.isMimeType("message/delivery-status");
  }

  private static String text(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    // An unknown charset leaves the content as a stream: read it as UTF-8 rather than lose it.
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Attachment attachment(Part part) throws MessagingException, IOException {
    String name = part.getFileName();
    if (name != null) {
      name = MimeUtility.decodeText(name);
    }
    String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    long size;
    try (InputStream in = part.getInputStream()) {
      size = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return new Attachment(name, type, size);
  }

  static String htmlToText(String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, head").remove();
    // Quoted history in HTML mail lives in blockquotes and the Gmail quote wrapper.
    document.select("blockquote, .gmail_quote, .gmail_signature").remove();
    document.select("br").before("\\n");
    document.select("p, div, tr, li, h1, h2, h3, h4").before("\\n\\n");
    String text = document.text().replace("\\n", "\n");
    return Arrays.stream(text.split("\n"))
        .map(String::strip)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  private static InternetAddress from(MimeMessage message) throws MessagingException {
    String raw = message.getHeader("From", ",");
    if (raw == null) {
      return null;
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(raw, false);
      if (addresses.length == 0) {
        return null;
      }
      InternetAddress address = addresses[0];
      if (address.getPersonal() != null) {
        address.setPersonal(MimeUtility.decodeText(address.getPersonal()), "UTF-8");
      }
      return address;
    } catch (AddressException | UnsupportedEncodingException e) {
      return null;
    }
  }

  private static String subject(MimeMessage message) throws MessagingException {
    String raw = message.getHeader("Subject", " ");
    if (raw == null) {
      return null;
    }
    try {
      return blankToNull(MimeUtility.decodeText(MimeUtility.unfold(raw)).strip());
    } catch (UnsupportedEncodingException e) {
      return blankToNull(raw.strip());
    }
  }

  private static String header(MimeMessage message, String name) throws MessagingException {
    return message.getHeader(name, " ");
  }

  private static String firstId(String header) {
    List<String> ids = ids(header);
    if (!ids.isEmpty()) {
      return ids.getFirst();
    }
    return header == null ? null : blankToNull(header.strip());
  }

  private static List<String> ids(String header) {
    if (header == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    Matcher matcher = MESSAGE_ID.matcher(header);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return List.copyOf(ids);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
