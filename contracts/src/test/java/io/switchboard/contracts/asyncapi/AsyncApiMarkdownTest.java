package io.switchboard.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class AsyncApiMarkdownTest {
  private static final String DOC =
      """
      channels:
        orders:
          address: orders.events
          description: Orders as they change.
          messages:
            placed: {$ref: '#/components/messages/placed'}
        ordersDlq:
          address: orders.events.billing.dlq
          x-dead-letters-of: orders.events
          messages:
            deadLetter: {$ref: '#/components/messages/deadLetter'}
      operations:
        shopSends:
          action: send
          channel: {$ref: '#/channels/orders'}
          x-service: shop-service
        billingReads:
          action: receive
          channel: {$ref: '#/channels/orders'}
          bindings: {kafka: {groupId: {type: string, enum: [billing-group]}}}
          x-service: billing-service
        billingDeadLetters:
          action: send
          channel: {$ref: '#/channels/ordersDlq'}
          x-service: billing-service
      components:
        schemas:
          key: {type: string, format: uuid, description: The order id}
        messages:
          placed:
            name: shop.order.placed
            summary: "An order was placed | paid."
            headers:
              type: object
              required: [ce_id]
              properties:
                ce_id: {type: string, description: Unique}
                ce_specversion: {type: string, const: '1.0'}
            bindings: {kafka: {key: {$ref: '#/components/schemas/key'}}}
            payload: {$ref: 'schemas/order-placed.v3.json'}
          deadLetter:
            name: dead-letter
            headers:
              type: object
              required: [dead-letter-reason]
              properties:
                dead-letter-reason: {type: string, description: Why}
            bindings: {kafka: {key: {type: string}}}
            payload: {description: the original value}
      """;

  private final String markdown = new AsyncApiMarkdown(document()).render();

  @Test
  void eachTopicHasKeyProducerConsumersDeadLettersAndMessageVersions() {
    assertThat(markdown)
        .contains(
            """
            #### `orders.events`

            Orders as they change.

            | | |
            |---|---|
            | key | `string (uuid)`, The order id |
            | producer | shop-service |
            | consumers | billing-service (group `billing-group`) |
            | dead-letter topics | `orders.events.billing.dlq` (billing-service) |

            | `ce_type` | schema version | payload schema | meaning |
            |---|---|---|---|
            | `shop.order.placed` | 3 | `schemas/order-placed.v3.json` | An order was placed \\| paid. |
            """);
  }

  @Test
  void commonHeadersAndDeadLetterHeadersAreTables() {
    assertThat(markdown)
        .contains("| `ce_id` | yes | `string`, Unique |")
        .contains("| `ce_specversion` | no | `1.0` |")
        .contains("#### Dead-letter topics")
        .contains("| `dead-letter-reason` | yes | `string`, Why |");
  }

  @Test
  void aDeadLetterTopicIsNotRenderedAsATopicOfItsOwn() {
    assertThat(markdown).doesNotContain("#### `orders.events.billing.dlq`");
  }

  private static AsyncApiDocument document() {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(DOC);
      JsonNode payload =
          new ObjectMapper().readTree("{\"properties\":{\"schemaVersion\":{\"const\":3}}}");
      return new AsyncApiDocument(root, file -> payload);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
