package io.switchboard.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ingest-service settings. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** Per channel adapter, keyed by its name ({@code web-form}, {@code email}, ...). */
  Map<String, ChannelSettings> channels();

  /** Longest inquiry text kept, in characters; longer texts are cut and marked as cut. */
  @WithDefault("20000")
  int maxTextLength();

  Email email();

  /** Region assumed for phone numbers written without a country code (ISO 3166, e.g. RU). */
  @WithDefault("RU")
  String defaultRegion();

  Threading threading();

  Imap imap();

  Metrics metrics();

  Intake intake();

  /**
   * The intake rows that remember each source message (intake/IntakeStatus) and the sweeper that
   * settles the ones a request left behind.
   */
  interface Intake {
    /**
     * How old a PENDING row must be before the sweeper publishes it: a request still publishing it
     * must have had its answer by then, or two publishers would race for one row. Must be longer
     * than the inbound producer's {@code max.block.ms} plus {@code delivery.timeout.ms}, the
     * longest a request waits for the broker; the service does not start otherwise.
     */
    @WithDefault("30s")
    java.time.Duration pendingGrace();

    /**
     * How long a REFUSED row (its client heard 503) is kept, then deleted. While kept, a retry with
     * the same key publishes the stored inquiry; after, the key is forgotten and a retry becomes a
     * new inquiry, a second one if the refused write had reached the broker after all. Longer than
     * any caller keeps retrying; the refused message's personal data goes with the row.
     */
    @WithDefault("7d")
    java.time.Duration refusedRetention();

    /**
     * The longest one update marking rows PUBLISHED may take, and so about the longest a request
     * the broker acknowledged waits for its mark before it answers 202 anyway. A row whose mark
     * failed or timed out stays PENDING and the sweeper republishes it after the grace period (the
     * same event id, which consumers drop).
     */
    @WithDefault("2s")
    java.time.Duration markTimeout();

    Sweep sweep();
  }

  interface Sweep {
    /** Time between two sweeper rounds on one instance. */
    @WithDefault("5s")
    java.time.Duration interval();

    /** Rows a round publishes, and rows it deletes, at most. */
    @WithDefault("100")
    int batchSize();

    /**
     * The longest a round may take; one that takes longer is abandoned and its rows are retried by
     * a later round. Half of it bounds the round's publishing, a tenth each database statement.
     */
    @WithDefault("20s")
    java.time.Duration roundTimeout();
  }

  interface Metrics {
    /**
     * Time zone whose local weekday and hour label {@code switchboard.ingest.arrivals} (the
     * staffing heat map), e.g. {@code Europe/Moscow}: the hours the support team works in.
     */
    @WithDefault("UTC")
    java.time.ZoneId arrivalsZone();
  }

  interface ChannelSettings {
    /** The key a caller must send in {@code X-Api-Key}. */
    Optional<String> apiKey();

    /**
     * The shared secret of a webhook: the HMAC-SHA256 key of its body signature (chat, PBX), or the
     * {@code X-Telegram-Bot-Api-Secret-Token} (Telegram).
     */
    Optional<String> secret();

    /** Larger request bodies are refused with 413 before they are parsed. */
    @WithDefault("262144")
    long maxBodyBytes();

    RateLimit rateLimit();
  }

  interface RateLimit {
    /** Requests a second this channel's key may send on average; more are refused with 429. */
    @WithDefault("1000")
    int perSecond();

    /** Requests allowed at once above the average. */
    @WithDefault("2000")
    int burst();
  }

  /** An IMAP mailbox polled for inquiries, besides (or instead of) mail pushed over HTTP. */
  interface Imap {
    @WithDefault("false")
    boolean enabled();

    Optional<String> host();

    @WithDefault("993")
    int port();

    /** {@code imaps} (TLS) or {@code imap}. */
    @WithDefault("imaps")
    String protocol();

    Optional<String> user();

    Optional<String> password();

    @WithDefault("INBOX")
    String folder();

    @WithDefault("30s")
    java.time.Duration pollInterval();
  }

  interface Threading {
    /**
     * How long a chat session, Telegram chat or caller's number keeps continuing its inquiry after
     * its last message; later messages start a new inquiry, and so do messages after the inquiry
     * was closed.
     */
    @WithDefault("24h")
    java.time.Duration conversationWindow();
  }

  interface Email {
    /**
     * The company's own addresses: mail from them in an inquiry's thread is an operator's answer,
     * not the customer's.
     */
    Optional<List<String>> supportAddresses();
  }
}
