package io.switchboard.contracts;

/**
 * Who wrote. At least one of {@code email} and {@code phone} is present on an inquiry received
 * through a form; other channels carry what the channel knows.
 *
 * @param customerId stable id linking this customer's identifiers across channels, when known
 * @param name the name the customer gave, may be blank
 * @param email lower-cased e-mail address, or null
 * @param phone phone number in E.164, or null
 */
public record Customer(String customerId, String name, String email, String phone) {}
