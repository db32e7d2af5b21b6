package com.linetrace.web.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linetrace.contracts.export.ExportProblem;
import com.linetrace.contracts.problem.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDeskTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void writesEachExportAsANewFileWithItsDigestAndLeavesNoPartialFile() throws IOException {
        var desk = new ExportDesk(new OfflineSettings(true, folder), CLOCK);

        var first = desk.toFolder("labels-WO-000042.pdf", "%PDF-1".getBytes(StandardCharsets.US_ASCII));
        var second = desk.toFolder("labels-WO-000042.pdf", "%PDF-2".getBytes(StandardCharsets.US_ASCII));

        assertThat(first.file()).isNotEqualTo(second.file());
        assertThat(Path.of(first.file()).getFileName().toString())
                .startsWith("labels-WO-000042-20261201T101530Z-")
                .endsWith(".pdf");
        assertThat(Files.readString(Path.of(first.file()))).isEqualTo("%PDF-1");
        assertThat(first.bytes()).isEqualTo(6);
        assertThat(first.sha256()).isEqualTo(ExportDesk.sha256("%PDF-1".getBytes(StandardCharsets.US_ASCII)));
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void keepsANameFromLeavingTheFolder() {
        var desk = new ExportDesk(new OfflineSettings(true, folder), CLOCK);

        var receipt = desk.toFolder("../../etc/passwd", new byte[] {1});

        assertThat(Path.of(receipt.file()).getParent()).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    void refusesToHandOutInOfflineModeOnly() {
        new ExportDesk(new OfflineSettings(false, null), CLOCK).requireHandOut("a sheet");

        assertThatThrownBy(() -> new ExportDesk(new OfflineSettings(true, folder), CLOCK).requireHandOut("a sheet"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ExportProblem.EXPORT_REFUSED_OFFLINE))
                .hasMessageContaining("offline mode")
                .hasMessageContaining("a sheet");
    }

    @Test
    void refusesAFolderExportWithoutAFolderOrWhenItCannotBeWritten() throws IOException {
        assertThatThrownBy(() -> new ExportDesk(new OfflineSettings(true, null), CLOCK).toFolder("x.pdf", new byte[1]))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ExportProblem.EXPORT_FOLDER_NOT_CONFIGURED));
        var notAFolder = Files.writeString(folder.resolve("a-file"), "x");
        assertThatThrownBy(() ->
                        new ExportDesk(new OfflineSettings(true, notAFolder), CLOCK).toFolder("x.pdf", new byte[1]))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(ExportProblem.EXPORT_FOLDER_UNWRITABLE));
    }

    @Test
    void withdrawsAnExportWhoseRecordFailed() {
        var desk = new ExportDesk(new OfflineSettings(true, folder), CLOCK);
        var receipt = desk.toFolder("dhr.json", new byte[] {'{', '}'});

        desk.withdraw(receipt);

        assertThat(Path.of(receipt.file())).doesNotExist();
    }
}
