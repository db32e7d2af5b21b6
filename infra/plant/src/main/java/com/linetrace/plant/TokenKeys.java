package com.linetrace.plant;

import com.linetrace.web.BearerTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The token key pair of a cluster run: every identity instance signs with the same private key and every other
 * process verifies with its public key, as in a plant (infra/compose) — but made for the run and kept only in the
 * run's temporary directory, readable by its owner alone, since the run's data is thrown away with it.
 */
record TokenKeys(Path signingKey, Path publicKey) {

    /** Identity's smallest accepted RSA key. */
    private static final int BITS = 3072;

    static TokenKeys writeTo(Path directory) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            var pair = generator.generateKeyPair();
            var signingKey = Files.createFile(
                    directory.resolve("token-signing-key.pem"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    signingKey,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(pair.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
            var publicKey = Files.writeString(
                    directory.resolve("token-public-key.pem"),
                    BearerTokens.pem(pair.getPublic()),
                    StandardCharsets.US_ASCII);
            return new TokenKeys(signingKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the cluster run's token keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
