package io.switchboard.ingest.intake;

import io.switchboard.contracts.InquiryEvent;
import io.switchboard.ingest.identity.Identity;
import java.util.List;
import java.util.Optional;

/**
 * One normalized message on its way to the broker.
 *
 * @param sourceKey the channel's message id or the caller's idempotency key, if any
 * @param payloadHash fingerprint of the content, to refuse a key reused for different content
 * @param event a new inquiry, or a reply that continues one. A new inquiry's customer id is its
 *     identity's provisional id; the claim replaces it when the customer is known
 * @param ticket the inquiry's ticket, for the answer to the channel
 * @param threadRefs what later messages of this thread will name (e-mail Message-ID, chat session);
 *     recorded with the intake so that a reply finds the inquiry
 * @param identity the customer's identifiers to link, for a new inquiry; none for a reply
 */
public record Submission(
    Optional<String> sourceKey,
    String payloadHash,
    InquiryEvent event,
    String ticket,
    List<String> threadRefs,
    Identity identity) {}
