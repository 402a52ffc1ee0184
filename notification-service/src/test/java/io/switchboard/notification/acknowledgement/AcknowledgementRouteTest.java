package io.switchboard.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.Customer;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.ReplyAddress;
import io.switchboard.notification.TestInquiries;
import io.switchboard.notification.delivery.Addresses;
import org.junit.jupiter.api.Test;

class AcknowledgementRouteTest {

  @Test
  void eachChannelIsAnsweredOnItself() {
    assertThat(route(Channel.EMAIL, "anna@example.com", "<m1@mail>"))
        .isEqualTo(new AcknowledgementRoute(DeliveryMedium.EMAIL, "anna@example.com", "<m1@mail>"));
    assertThat(route(Channel.TELEGRAM, "123456", "42").medium()).isEqualTo(DeliveryMedium.TELEGRAM);
    assertThat(route(Channel.CHAT, "session-1", null).medium()).isEqualTo(DeliveryMedium.CHAT);
    assertThat(route(Channel.PHONE, "+79161234567", null).medium()).isEqualTo(DeliveryMedium.SMS);
  }

  @Test
  void formsByWhicheverAddressTheCustomerGave() {
    assertThat(route(Channel.WEB_FORM, "anna@example.com", null).medium())
        .isEqualTo(DeliveryMedium.EMAIL);
    assertThat(route(Channel.WEB_FORM, "+79161234567", null).medium())
        .isEqualTo(DeliveryMedium.SMS);
  }

  @Test
  void withoutAReplyAddressTheCustomersContactsAreUsed() {
    InquiryReceived phoneOnly = withReply(null, new Customer(null, "Ivan", null, "+79161234567"));

    assertThat(AcknowledgementRoute.of(phoneOnly).orElseThrow())
        .isEqualTo(new AcknowledgementRoute(DeliveryMedium.SMS, "+79161234567", null));
    assertThat(AcknowledgementRoute.of(withReply(null, new Customer(null, "Ivan", null, null))))
        .isEmpty();
  }

  @Test
  void addressesAreMaskedForLogsAndTopics() {
    assertThat(masked(route(Channel.EMAIL, "anna@example.com", null)))
        .isEqualTo("a***@example.com");
    assertThat(masked(route(Channel.PHONE, "+79161234567", null))).isEqualTo("+7*******567");
    assertThat(masked(route(Channel.TELEGRAM, "123456789", null))).isEqualTo("***789");
  }

  private static String masked(AcknowledgementRoute route) {
    return Addresses.masked(route.medium(), route.address());
  }

  private static AcknowledgementRoute route(Channel channel, String address, String threadRef) {
    return AcknowledgementRoute.of(
            withReply(
                new ReplyAddress(channel, address, threadRef), new Customer(null, "A", null, null)))
        .orElseThrow();
  }

  private static InquiryReceived withReply(ReplyAddress reply, Customer customer) {
    return TestInquiries.from(Channel.WEB_FORM, customer, "en", reply);
  }
}
