package io.switchboard.devstack.sim;

/**
 * A customer of the simulated day. Addresses carry the run's id, so that runs never share a
 * customer (notification-service acknowledges an address once per window) and a report can tell its
 * own customers from anybody else's.
 *
 * @param email null for a customer who gave only a phone number
 * @param badAddress the address does not exist: mail to it bounces
 */
record SimCustomer(
    int id,
    String name,
    boolean russian,
    String email,
    String phone,
    long telegramId,
    boolean badAddress) {

  static SimCustomer create(
      int id, String name, boolean russian, String run, boolean hasEmail, boolean bad) {
    String domain = bad ? "exampel.com" : "example.com";
    String email = hasEmail ? "sim-" + run + "-c" + id + "@" + domain : null;
    // +7 9xx: a Russian mobile number, unique per run and customer.
    long line = Math.floorMod((long) run.hashCode() * 7919L + id * 104_729L, 10_000_000L);
    String phone =
        String.format("+7 916 %03d-%02d-%02d", line / 10_000, line / 100 % 100, line % 100);
    long telegram = 500_000_000L + Math.floorMod((long) run.hashCode() * 31L + id, 400_000_000L);
    return new SimCustomer(id, name, russian, email, phone, telegram, bad);
  }

  String label() {
    return "c" + id;
  }
}
