package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SerialTests {

    @Test
    void issuesSerialsThatParseBack() {
        var serial = Serial.issue("LTRC", 1234, 9);
        assertThat(serial.value()).startsWith("LTRCA").hasSize(15);
        assertThat(Serial.parse(serial.value())).isEqualTo(serial);
    }

    @Test
    void refusesEverySingleCharacterSubstitution() {
        var serial = Serial.issue("LTRC", 987_654, 9).value();
        for (int i = 5; i < serial.length(); i++) {
            for (char c : Serial.ALPHABET.toCharArray()) {
                if (c == serial.charAt(i)) {
                    continue;
                }
                var mistyped = serial.substring(0, i) + c + serial.substring(i + 1);
                assertThat(Serial.problemWith(mistyped)).as(mistyped).isNotNull();
            }
        }
    }

    @Test
    void refusesAdjacentTranspositions() {
        var random = new Random(42);
        for (int n = 0; n < 200; n++) {
            var serial =
                    Serial.issue("LTRC", random.nextLong(1, 1_000_000_000L), 9).value();
            for (int i = 5; i < serial.length() - 1; i++) {
                var pair = "" + serial.charAt(i) + serial.charAt(i + 1);
                // The one swap Luhn mod N cannot see, as with 09/90 in decimal Luhn.
                if (serial.charAt(i) == serial.charAt(i + 1) || pair.equals("0Z") || pair.equals("Z0")) {
                    continue;
                }
                var swapped =
                        serial.substring(0, i) + serial.charAt(i + 1) + serial.charAt(i) + serial.substring(i + 2);
                assertThat(Serial.problemWith(swapped)).as(swapped).isNotNull();
            }
        }
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(Serial.problemWith("")).contains("empty");
        assertThat(Serial.problemWith("LTRC9000000000000000000")).contains("at most 20");
        assertThat(Serial.problemWith("LTRC90000O0010")).contains("'O' at position 10");
        assertThat(Serial.problemWith("ltrc9000000010")).contains("'l' at position 1");
        assertThat(Serial.problemWith("LTRC90000001")).contains("says 9 characters follow, but 7 do");
        var valid = Serial.issue("LTRC", 5, 9).value();
        var badCheck = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
        assertThat(Serial.problemWith(badCheck)).contains("check character");
    }

    @Test
    void parseThrowsWithTheReason() {
        assertThatThrownBy(() -> Serial.parse("LTRC 9000"))
                .isInstanceOf(MalformedSerialException.class)
                .hasMessageContaining("a space at position 5");
    }
}
