package dk.tvaers.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void readsAmountsAsDanesTypeThem() {
        assertThat(Money.parseKroner("2.200.000")).contains(Money.ofKroner(2_200_000));
        assertThat(Money.parseKroner("1.500,50")).contains(new Money(150_050));
        assertThat(Money.parseKroner("750000")).contains(Money.ofKroner(750_000));
        assertThat(Money.parseKroner("250 000 kr.")).contains(Money.ofKroner(250_000));
        assertThat(Money.parseKroner("1500.5")).contains(new Money(150_050));
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThat(Money.parseKroner("")).isEmpty();
        assertThat(Money.parseKroner("to millioner")).isEmpty();
        assertThat(Money.parseKroner("-5")).isEmpty();
        assertThat(Money.parseKroner("1,005")).isEmpty();
        assertThat(Money.parseKroner("1,2,3")).isEmpty();
    }

    @Test
    void writesAmountsInDanishAndEnglish() {
        assertThat(Money.ofKroner(2_200_000).format(Locale.of("da"))).isEqualTo("2.200.000,00 kr.");
        assertThat(new Money(150_050).format(Locale.ENGLISH)).isEqualTo("DKK 1,500.50");
    }

    @Test
    void neverOverflowsSilently() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
    }
}
