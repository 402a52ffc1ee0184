package io.switchboard.routing.segment;

import io.switchboard.contracts.Customer;

/**
 * The key a customer is known by across channels: the id ingest linked, else the e-mail address,
 * else the phone number.
 */
public final class CustomerKeys {
  private CustomerKeys() {}

  public static String of(Customer customer) {
    if (customer == null) {
      return null;
    }
    if (customer.customerId() != null && !customer.customerId().isBlank()) {
      return customer.customerId();
    }
    return customer.email() != null ? customer.email() : customer.phone();
  }
}
