package com.linetrace.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlantIdsTests {

    @Test
    void readsTheIdsPrintedOnTheDemoLine() {
        assertThat(StationId.parse("ASM-1").value()).isEqualTo("ASM-1");
        assertThat(LineId.parse("L1")).isEqualTo(new LineId("L1"));
        assertThat(WorkOrderNumber.parse("WO-000042")).isEqualTo(WorkOrderNumber.of(42));
        assertThat(WorkOrderNumber.of(1_234_567).value()).isEqualTo("WO-1234567");
    }

    @Test
    void saysTheSizeFirstWithoutQuotingTheText() {
        var tooLong = "A".repeat(21) + "\u0000";
        assertThatThrownBy(() -> StationId.parse(tooLong))
                .isInstanceOf(MalformedIdException.class)
                .hasMessage("The station id has 22 characters; it has at most 20");
        assertThatThrownBy(() -> LineId.parse("")).hasMessage("The line id is empty");
        assertThatThrownBy(() -> WorkOrderNumber.parse("WO-" + "1".repeat(18)))
                .hasMessage("The work order number has 21 characters; it has at most 20");
    }

    @Test
    void thenTheCharactersNamingWhereTheWrongOneIs() {
        assertThatThrownBy(() -> StationId.parse("asm-1"))
                .hasMessage("The station id has the small letter 'a' at position 1; it uses only capitals, digits and"
                        + " dashes");
        assertThatThrownBy(() -> LineId.parse("L 1")).hasMessageContaining("a space at position 2");
        assertThatThrownBy(() -> StationId.parse("ASM\u00001")).hasMessageContaining("U+0000 at position 4");
        assertThatThrownBy(() -> WorkOrderNumber.parse("WO_1")).hasMessageContaining("'_' at position 3");
    }

    @Test
    void thenTheSyntax() {
        assertThatThrownBy(() -> StationId.parse("-ASM")).hasMessageContaining("starts with a dash");
        assertThatThrownBy(() -> WorkOrderNumber.parse("PO-000001")).hasMessage("A work order number starts with WO-");
        assertThatThrownBy(() -> WorkOrderNumber.parse("WO-12"))
                .hasMessage("A work order number is WO- and at least 6 digits");
        assertThatThrownBy(() -> WorkOrderNumber.parse("WO-00000A")).hasMessageContaining("at least 6 digits");
    }

    @Test
    void travelsInJsonAsItsText() {
        var codec = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(codec.writeValueAsString(StationId.parse("FW-1"))).isEqualTo("\"FW-1\"");
        assertThat(codec.readValue("\"WO-000007\"", WorkOrderNumber.class)).isEqualTo(WorkOrderNumber.of(7));
    }
}
