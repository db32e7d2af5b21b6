package com.linetrace.ui.whereused;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.UnitStatus;
import com.linetrace.trace.api.UnitSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KeysetPagesTests {

    /** Trace's keyset paging over {@code total} units: the cursor is the last serial of the page before. */
    static final class Result implements KeysetPages.Source {
        final List<UnitSummary> all;
        final List<Integer> asked = new ArrayList<>();

        Result(int total) {
            all = IntStream.range(0, total).mapToObj(Result::unit).toList();
        }

        static UnitSummary unit(int i) {
            var at = Instant.parse("2026-12-01T08:00:00Z");
            return new UnitSummary(
                    "S%05d".formatted(i),
                    "AX4-ENT",
                    "WO-000001",
                    3,
                    "L1",
                    UnitStatus.IN_WORK,
                    false,
                    "ASM-1",
                    20,
                    at,
                    at);
        }

        @Override
        public UnitPage page(@Nullable String cursor, int size) {
            int from = cursor == null ? 0 : Integer.parseInt(cursor.substring(1)) + 1;
            asked.add(size);
            var units = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
            var next = from + size < all.size() ? units.getLast().serial() : null;
            return new UnitPage(units, next);
        }
    }

    @Test
    void givesTheGridEachPageInOrderAskingOnePageAtATime() {
        var result = new Result(120);
        var pages = new KeysetPages(result, 50, result.page(null, 50));
        result.asked.clear();

        assertThat(pages.fetch(0, 50).map(UnitSummary::serial)).first().isEqualTo("S00000");
        assertThat(pages.fetch(50, 50).map(UnitSummary::serial).toList())
                .hasSize(50)
                .startsWith("S00050")
                .endsWith("S00099");
        assertThat(pages.fetch(100, 50).map(UnitSummary::serial).toList())
                .hasSize(20)
                .endsWith("S00119");
        assertThat(pages.fetch(150, 50)).isEmpty();

        assertThat(result.asked).as("page sizes asked of trace").containsExactly(50, 50);
    }

    @Test
    void aRangeAcrossTwoPagesAndAJumpAheadWalkPageByPage() {
        var result = new Result(1_000);
        var pages = new KeysetPages(result, 50, result.page(null, 50));
        result.asked.clear();

        assertThat(pages.fetch(25, 50).map(UnitSummary::serial).toList())
                .hasSize(50)
                .startsWith("S00025")
                .endsWith("S00074");
        assertThat(pages.fetch(400, 10).map(UnitSummary::serial).toList()).startsWith("S00400");

        assertThat(result.asked).allMatch(size -> size == 50);
        assertThat(pages.fetches()).isLessThanOrEqualTo(10);
    }

    @Test
    void anEmptyResultHasNoRows() {
        var result = new Result(0);
        var pages = new KeysetPages(result, 50, result.page(null, 50));

        assertThat(pages.fetch(0, 50)).isEmpty();
    }
}
