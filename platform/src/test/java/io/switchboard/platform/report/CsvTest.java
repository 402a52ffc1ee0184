package io.switchboard.platform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void writesHeaderAndRowsWithCrlf() {
    String csv = Csv.withHeader("channel", "inquiries", "share").row("CHAT", 10, 0.2).toString();

    assertThat(csv).isEqualTo("channel,inquiries,share\r\nCHAT,10,0.2\r\n");
  }

  @Test
  void quotesFieldsWithSeparatorsQuotesAndLineBreaks() {
    assertThat(Csv.field("Ivanov, Ivan")).isEqualTo("\"Ivanov, Ivan\"");
    assertThat(Csv.field("the \"night\" team")).isEqualTo("\"the \"\"night\"\" team\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(Csv.field("Служба поддержки")).isEqualTo("Служба поддержки");
  }

  @Test
  void numbersUseADotAndNoExponentAndNullIsEmpty() {
    assertThat(Csv.field(75.0)).isEqualTo("75.0");
    assertThat(Csv.field(12_345_678.5)).isEqualTo("12345678.5");
    assertThat(Csv.field(0.0001)).isEqualTo("0.0001");
    assertThat(Csv.field(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Csv.field(1.5f)).isEqualTo("1.5");
    assertThat(Csv.field(null)).isEmpty();
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    Csv csv = Csv.withHeader("a", "b");

    assertThatThrownBy(() -> csv.row("only one")).isInstanceOf(IllegalArgumentException.class);
  }
}
