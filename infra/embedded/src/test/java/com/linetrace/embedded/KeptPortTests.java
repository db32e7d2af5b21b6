package com.linetrace.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

class KeptPortTests {

    @TempDir
    Path directory;

    /** A broker and its controller on one port cannot start: the two ports chosen together always differ. */
    @RepeatedTest(50)
    void choosesDifferentPortsForServersStartedTogetherAndKeepsThem() throws Exception {
        var first = KeptPort.in(directory.resolve("broker.port"), directory.resolve("controller.port"));
        assertThat(first[0]).isNotEqualTo(first[1]);
        assertThat(KeptPort.in(directory.resolve("broker.port"), directory.resolve("controller.port")))
                .containsExactly(first);
    }
}
