package io.switchboard.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsTest {

  @Test
  void emailIsLowerCasedAndTrimmed() {
    assertThat(Contacts.email("  Anna.Petrova@Example.COM ")).contains("anna.petrova@example.com");
  }

  @Test
  void notAnEmailIsRefused() {
    assertThat(Contacts.email("anna@")).isEmpty();
    assertThat(Contacts.email("anna example.com")).isEmpty();
    assertThat(Contacts.email("a@b")).isEmpty();
  }

  @Test
  void phoneBecomesE164() {
    assertThat(Contacts.phone("+7 (916) 123-45-67")).contains("+79161234567");
    assertThat(Contacts.phone("0049 151 1234 5678")).contains("+4915112345678");
  }

  @Test
  void phoneWithoutCountryCodeOrWithLettersIsRefused() {
    assertThat(Contacts.phone("8 916 123 45 67")).isEmpty();
    assertThat(Contacts.phone("+7 916 CALL ME")).isEmpty();
    assertThat(Contacts.phone("+12")).isEmpty();
  }
}
