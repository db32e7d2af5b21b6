package com.linetrace.audit.ledger;

import com.linetrace.audit.verifier.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the checkpoint key comes from: a secret, a file, or (demo only) made at start. */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {}

    static NoteSigner load(LedgerSettings settings) {
        if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
            return parse(settings.signingKey(), "linetrace.audit.signing-key");
        }
        if (settings.signingKeyFile() != null) {
            try {
                return parse(
                        Files.readString(settings.signingKeyFile(), StandardCharsets.UTF_8),
                        "the file " + settings.signingKeyFile());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the audit signing key file " + settings.signingKeyFile());
            }
        }
        if (settings.throwAwayKey()) {
            var signer = NoteSigner.generate(settings.origin());
            log.warn(
                    "The audit ledger signs its checkpoints with a throw-away key made at start ({}): fine for a demo,"
                            + " but a restart makes a new key. Set linetrace.audit.signing-key for a real plant.",
                    signer.verifier().verifierKey());
            return signer;
        }
        throw new IllegalStateException("The audit ledger has no checkpoint key: set linetrace.audit.signing-key (a"
                + " signed-note signer key; make one with the audit verifier's generate-key), or"
                + " linetrace.audit.signing-key-file, or for a demo linetrace.audit.throw-away-key=true");
    }

    private static NoteSigner parse(String key, String where) {
        try {
            return NoteSigner.parse(key);
        } catch (IllegalArgumentException e) {
            // The parser's message never quotes the key.
            throw new IllegalStateException("The audit signing key in " + where + " is not usable: " + e.getMessage());
        }
    }
}
