package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.equipment.FirmwareModule;
import com.linetrace.contracts.equipment.FlashReported;
import com.linetrace.contracts.unit.UnitHeld;
import com.linetrace.contracts.unit.WorkCompleted;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTests {

    @Test
    void acceptsPlainTextInAnyScriptWithTabsAndLineBreaks() {
        assertThat(Text.problemWith("Rotor 3 scraped the\tcasing;\r\nsee photo 📷 — Qualität, 品質", 500))
                .isNull();
        assertThat(Text.problemWith("", 10)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\uD800", "\uDFFF", "\uFFFE", "\uFDD0", "\u202E",
                "\u2066"
            })
    void refusesWhatNoConsumerCouldStoreOrShowAndSaysWhere(String character) {
        var problem = Text.problemWith("cracked " + character + " arm", 500);
        assertThat(problem).isNotNull().contains("at position 9").doesNotContain("cracked");
    }

    @Test
    void refusesHalfASurrogatePairButNotAWholeOne() {
        assertThat(Text.problemWith("\uD83D\uDCF7", 10)).isNull();
        assertThat(Text.problemWith("\uD83D", 10)).contains("lone surrogate U+D83D");
        assertThat(Text.problemWith("x\uDCF7\uD83D", 10)).contains("lone surrogate U+DCF7) at position 2");
        assertThat(Text.problemWith("\uD83F\uDFFF", 10)).contains("noncharacter U+1FFFF");
    }

    @Test
    void checksTheLengthBeforeTheCharacters() {
        assertThat(Text.problemWith("\u0000".repeat(11), 10)).isEqualTo("has 11 characters; at most 10 are allowed");
        assertThat(Text.problemWith(null, 10)).isEqualTo("is missing");
    }

    @Test
    void aContractRecordRefusesTextItsConsumersWouldRefuse() {
        assertThatThrownBy(() -> new UnitHeld("dropped \uD800"))
                .isInstanceOf(MalformedTextException.class)
                .hasMessage("reason has half of a character (the lone surrogate U+D800) at position 9");
        assertThatThrownBy(() -> new UnitHeld("x".repeat(Text.REASON + 1))).hasMessageStartingWith("reason has 2001");
        var sha = Sha256.parse("a".repeat(64));
        assertThatThrownBy(() ->
                        new FlashReported("AX4-ENT".repeat(500_000), FirmwareModule.ESC, "1.0", sha, sha, "FIX-1"))
                .isInstanceOf(MalformedTextException.class)
                .hasMessageStartingWith("model has 3500000 characters");
        assertThatThrownBy(() -> new WorkCompleted(
                        80, "Flight test", WorkCompleted.Result.FAIL, Collections.nCopies(51, "MTR-CURRENT-HIGH")))
                .hasMessageContaining("defects has 51 items");
        assertThatThrownBy(() -> new WorkCompleted(80, "Flight test", WorkCompleted.Result.FAIL, List.of("GNSS\u0000")))
                .hasMessageStartingWith("defects[0] has the control character U+0000");
    }
}
