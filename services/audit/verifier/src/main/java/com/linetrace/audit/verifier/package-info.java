/**
 * The audit log's mathematics, for the service that keeps the log and for anyone who checks it without trusting the
 * plant: RFC 9162 Merkle tree hashing and proofs ({@link com.linetrace.audit.verifier.Merkle}), checkpoints in the C2SP
 * tlog-checkpoint format ({@link com.linetrace.audit.verifier.Checkpoint}) signed as C2SP signed notes
 * ({@link com.linetrace.audit.verifier.NoteSigner}, {@link com.linetrace.audit.verifier.NoteVerifier}), and the
 * command-line verifier ({@link com.linetrace.audit.verifier.AuditVerifier}).
 */
@NullMarked
package com.linetrace.audit.verifier;

import org.jspecify.annotations.NullMarked;
