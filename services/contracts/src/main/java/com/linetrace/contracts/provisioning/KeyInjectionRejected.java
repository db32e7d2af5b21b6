package com.linetrace.contracts.provisioning;

import com.linetrace.contracts.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The unit's key injection is not (or no longer) verified. With {@link Code#DUPLICATE_KEY} it is sent for
 * every unit that reported the same public key, including one verified earlier: each must be held.
 */
public record KeyInjectionRejected(
        Code code, String reason, @Nullable String fingerprint) implements ProvisioningEvent {

    public KeyInjectionRejected {
        Objects.requireNonNull(code, "code");
        Text.require("reason", reason, Text.REASON);
        Text.optional("fingerprint", fingerprint, Text.ID);
    }

    public enum Code {
        /** The public key, CSR or certificate could not be read. */
        MALFORMED,
        /** The CSR's signature does not verify: no proof that the device holds the private key. */
        CSR_SIGNATURE_INVALID,
        /** The reported key, the CSR's key and the certificate's key are not all the same. */
        PUBLIC_KEY_MISMATCH,
        /** The certificate does not chain to the configured plant CA. */
        UNTRUSTED_ISSUER,
        /** The certificate is not yet or no longer valid. */
        OUTSIDE_VALIDITY,
        /** The certificate's subject does not name this unit's serial. */
        SUBJECT_MISMATCH,
        /** Another unit reported the same public key. */
        DUPLICATE_KEY,
        /** The key's algorithm (or curve) is not one the plant's key policy allows. */
        KEY_ALGORITHM_NOT_ALLOWED,
        /** The certificate is not a device's: it is a CA's, or its key usage is not digital signature only. */
        NOT_A_DEVICE_CERTIFICATE,
        /** The plant CA itself is expired, not yet valid, or not a CA that may sign certificates. */
        PLANT_CA_INVALID
    }
}
