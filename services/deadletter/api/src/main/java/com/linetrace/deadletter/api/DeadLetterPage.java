package com.linetrace.deadletter.api;

import java.util.List;

/** One page of dead letters, newest first, and how many there are in all. */
public record DeadLetterPage(List<DeadLetter> letters, int page, int pageSize, long total) {

    public DeadLetterPage {
        letters = List.copyOf(letters);
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total;
    }
}
