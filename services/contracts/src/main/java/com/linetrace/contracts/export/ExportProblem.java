package com.linetrace.contracts.export;

import com.linetrace.contracts.problem.ProblemType;

/** How an export is refused, by every service alike. */
public enum ExportProblem implements ProblemType {
    /** The plant is in offline mode: nothing is handed out, only written to the export folder. */
    EXPORT_REFUSED_OFFLINE("export-refused-offline", 403),
    /** An export to the folder was asked for, and no export folder is configured. */
    EXPORT_FOLDER_NOT_CONFIGURED("export-folder-not-configured", 409),
    /** The export folder could not be written (missing, full, not the plant's to write). */
    EXPORT_FOLDER_UNWRITABLE("export-folder-unwritable", 503);

    private final String code;
    private final int status;

    ExportProblem(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
