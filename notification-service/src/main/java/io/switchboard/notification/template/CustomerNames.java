package io.switchboard.notification.template;

import io.switchboard.contracts.Customer;

/** The name to greet a customer by: blank when unknown, which the templates greet without one. */
public final class CustomerNames {
  private CustomerNames() {}

  public static String of(Customer customer) {
    return customer == null || customer.name() == null ? "" : customer.name().strip();
  }
}
