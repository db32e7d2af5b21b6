package com.linetrace.tracking.api;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.problem.ProblemType;

/**
 * Every way tracking's api refuses a request, in-process or over HTTP: the code is the stable part of the
 * problem+json type ({@code urn:linetrace:problem:<code>}), so a remote caller gets back the exception an
 * in-process caller catches. A unit that may not go on is not among them: that is a REJECTED {@link ScanVerdict}.
 */
public enum TrackingProblem implements ProblemType {
    /** No station has the id in the path. */
    UNKNOWN_STATION("unknown-station", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new UnknownStationException(detail);
        }
    },
    /** The unit named in the path is not checked in at the station: it has no work there. */
    NOT_CHECKED_IN("not-checked-in", 404),
    /** A request that is not a scan as sent (a FAIL without defect codes, a malformed defect code). */
    INVALID_SCAN("invalid-scan", 400),
    /** A scan id already used at the station for the action with another request or by another worker. */
    SCAN_ID_REUSED("scan-id-reused", 409) {
        @Override
        public ProblemException exception(String detail) {
            return new ScanIdReusedException(detail);
        }
    },
    /** A hold, release, scrap or lot quarantine that cannot be done as asked. */
    HOLD_REFUSED("hold-refused", 400) {
        @Override
        public ProblemException exception(String detail) {
            return new HoldRefusedException(this, detail);
        }
    },
    /** No work order issued the serial in the path. */
    UNKNOWN_SERIAL("unknown-serial", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new HoldRefusedException(this, detail);
        }
    },
    /** A work order that cannot be released or listed as asked. */
    INVALID_WORK_ORDER("invalid-work-order", 400) {
        @Override
        public ProblemException exception(String detail) {
            return new WorkOrderRefusedException(this, detail);
        }
    },
    /** No work order has the number in the path. */
    UNKNOWN_WORK_ORDER("unknown-work-order", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new WorkOrderRefusedException(this, detail);
        }
    },
    /** Master data that breaks a rule; the detail says what to change. */
    INVALID_MASTER_DATA("invalid-master-data", 400) {
        @Override
        public ProblemException exception(String detail) {
            return new MasterDataRefusedException(this, detail);
        }
    },
    /** Master data with an id that is taken, or a route version saved by someone else at the same moment. */
    ALREADY_EXISTS("already-exists", 409) {
        @Override
        public ProblemException exception(String detail) {
            return new MasterDataRefusedException(this, detail);
        }
    },
    /** No line has the id in the path. */
    UNKNOWN_LINE("unknown-line", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new MasterDataRefusedException(this, detail);
        }
    },
    /** The model in the path has no route (or there is no such model). */
    UNKNOWN_ROUTE("unknown-route", 404) {
        @Override
        public ProblemException exception(String detail) {
            return new MasterDataRefusedException(this, detail);
        }
    },
    /** A route version approved by the person who saved it: a controlled document needs a second person. */
    FOUR_EYES("four-eyes", 409) {
        @Override
        public ProblemException exception(String detail) {
            return new MasterDataRefusedException(this, detail);
        }
    },
    /** A route version that cannot be approved as it stands: approved already, or a newer version is. */
    ROUTE_STATE("route-state", 409) {
        @Override
        public ProblemException exception(String detail) {
            return new MasterDataRefusedException(this, detail);
        }
    };

    private final String code;
    private final int status;

    TrackingProblem(String code, int status) {
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
