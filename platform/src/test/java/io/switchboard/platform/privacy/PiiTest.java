package io.switchboard.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

  @Test
  void emailKeepsFirstLetterAndDomain() {
    assertThat(Pii.email("anna.petrova@example.com")).isEqualTo("a***@example.com");
    assertThat(Pii.email("@broken")).isEqualTo("***");
    assertThat(Pii.email(null)).isNull();
  }

  @Test
  void phoneKeepsCountryCodeAndLastThreeDigits() {
    assertThat(Pii.phone("+79161234567")).isEqualTo("+7*******567");
    assertThat(Pii.phone("+7 916 123-45-67")).isEqualTo("+7*******567");
    assertThat(Pii.phone("112")).isEqualTo("***");
  }

  @Test
  void addressPicksTheRightMask() {
    assertThat(Pii.address("bob@example.org")).isEqualTo("b***@example.org");
    assertThat(Pii.address("+4915112345678")).doesNotContain("1234");
  }
}
