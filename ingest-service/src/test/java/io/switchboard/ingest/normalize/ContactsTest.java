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
    assertThat(Contacts.phone("+7 (916) 123-45-67", "RU")).contains("+79161234567");
    assertThat(Contacts.phone("0049 151 1234 5678", "RU")).contains("+4915112345678");
  }

  @Test
  void phoneWithoutCountryCodeIsReadInTheDefaultRegion() {
    assertThat(Contacts.phone("8 (916) 123-45-67", "RU")).contains("+79161234567");
    assertThat(Contacts.phone("0151 12345678", "DE")).contains("+4915112345678");
    assertThat(Contacts.phone("(202) 555-0143", "US")).contains("+12025550143");
  }

  @Test
  void phoneWithLettersOrNotANumberOfTheRegionIsRefused() {
    assertThat(Contacts.phone("+7 916 CALL ME", "RU")).isEmpty();
    assertThat(Contacts.phone("+12", "RU")).isEmpty();
    assertThat(Contacts.phone("12345", "RU")).isEmpty();
    assertThat(Contacts.phone("+7 000 000-00-00", "RU")).isEmpty();
  }
}
