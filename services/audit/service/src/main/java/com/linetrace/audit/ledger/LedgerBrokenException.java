package com.linetrace.audit.ledger;

/** The ledger's rows no longer give what was signed: it must not sign or prove anything more. */
class LedgerBrokenException extends RuntimeException {

    LedgerBrokenException(String message) {
        super(message, null, false, false);
    }
}
