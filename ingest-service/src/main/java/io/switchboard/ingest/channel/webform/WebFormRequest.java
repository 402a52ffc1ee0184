package io.switchboard.ingest.channel.webform;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a web form posts. At least one of e-mail and phone must be given. */
@Schema(
    description = "A web-form inquiry",
    example =
        """
        {"name": "Анна Петрова", "email": "anna@example.com", "phone": "+7 916 123-45-67",
         "subject": "Не работает оплата", "text": "Списали деньги, а заказ не оформлен"}
        """)
public record WebFormRequest(
    @Schema(description = "WEB_FORM (default), or the channel a form relays for") String channel,
    @Schema(description = "Customer's name") String name,
    @Schema(description = "Customer's e-mail") String email,
    @Schema(description = "Customer's phone with country code") String phone,
    String subject,
    @Schema(required = true) String text,
    @Schema(description = "Alternative to the Idempotency-Key header") String idempotencyKey) {}
