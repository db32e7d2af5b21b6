package com.linetrace.ui.whereused;

import com.linetrace.trace.api.UnitPage;
import com.linetrace.trace.api.UnitSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A grid's offset and limit over trace's keyset pages: it keeps only the cursor of each page seen and the last page
 * fetched, never the whole result. A jump past the pages seen walks forward one page at a time from the furthest
 * one known (a keyset cannot skip), which scrolling, one page after another, never needs.
 */
final class KeysetPages {

    /** One page of the result: the units after {@code cursor} (null: from the start), at most {@code size}. */
    interface Source {
        UnitPage page(@Nullable String cursor, int size);
    }

    private final Source source;
    private final int size;
    /** The cursor that fetches page i is at index i; the first page's is null. */
    private final List<@Nullable String> cursors = new ArrayList<>();

    private @Nullable Integer lastPage;
    private int cachedIndex = -1;
    private List<UnitSummary> cached = List.of();
    private int fetches;

    KeysetPages(Source source, int size, UnitPage first) {
        this.source = source;
        this.size = size;
        cursors.add(null);
        remember(0, first);
    }

    /** The units at {@code offset} to {@code offset + limit}, fewer at the end of the result. */
    Stream<UnitSummary> fetch(int offset, int limit) {
        var units = new ArrayList<UnitSummary>(Math.min(limit, size * 2));
        int index = offset / size;
        int skip = offset % size;
        while (units.size() < limit) {
            var page = page(index);
            if (page == null) {
                break;
            }
            for (int i = skip; i < page.size() && units.size() < limit; i++) {
                units.add(page.get(i));
            }
            if (lastPage != null && index >= lastPage) {
                break;
            }
            index++;
            skip = 0;
        }
        return units.stream();
    }

    /** How many pages were asked of the source since the first (for tests: nothing is loaded whole). */
    int fetches() {
        return fetches;
    }

    private @Nullable List<UnitSummary> page(int index) {
        if (lastPage != null && index > lastPage) {
            return null;
        }
        if (index == cachedIndex) {
            return cached;
        }
        while (cursors.size() <= index) {
            int furthest = cursors.size() - 1;
            remember(furthest, ask(cursors.get(furthest)));
            if (lastPage != null && index > lastPage) {
                return null;
            }
        }
        if (index != cachedIndex) {
            remember(index, ask(cursors.get(index)));
        }
        return cached;
    }

    private UnitPage ask(@Nullable String cursor) {
        fetches++;
        return source.page(cursor, size);
    }

    private void remember(int index, UnitPage page) {
        cachedIndex = index;
        cached = page.units();
        if (page.next() == null) {
            lastPage = index;
        } else if (cursors.size() == index + 1) {
            cursors.add(page.next());
        }
    }
}
