package com.linetrace.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key pair identity signs tokens with: the operator's PKCS#8 PEM file, or (demo plant only) one made in memory at
 * start. The private half stays in this object: never logged, stored or served; {@link #toString()} names only the
 * public key's id. Every error message says what is wrong with the file, never what is in it.
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final int MIN_BITS = 2048;

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final String id;

    private SigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.id = keyId(publicKey);
    }

    static SigningKey of(IdentitySettings settings) {
        var file = settings.token().signingKey();
        if (file != null) {
            var key = read(file);
            log.info("Signing tokens with the key of {} (key id {})", file, key.id);
            return key;
        }
        if (settings.demoUsers() || settings.token().throwAwayKey()) {
            var key = throwAway();
            log.warn(
                    "No linetrace.identity.token.signing-key: signing tokens with a key pair made in memory (key id {});"
                            + " a restart ends every token. Fit for the demo plant and one JVM only",
                    key.id);
            return key;
        }
        throw new IllegalStateException("linetrace.identity.token.signing-key is not set: identity signs the tokens"
                + " every service verifies, with a private key the operator provides (a PKCS#8 PEM file, RSA, 2048"
                + " bits or more: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out signing-key.pem)."
                + " Only the demo plant makes a throw-away key (linetrace.identity.demo-users=true or"
                + " linetrace.identity.token.throw-away-key=true)");
    }

    static SigningKey throwAway() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            var pair = generator.generateKeyPair();
            return new SigningKey((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    static SigningKey read(Path file) {
        var what = "linetrace.identity.token.signing-key (" + file + ")";
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
            warnIfOthersMayRead(file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    what + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        var lines = text.strip().lines().map(String::strip).toList();
        if (lines.size() < 3
                || !lines.getFirst().equals("-----BEGIN PRIVATE KEY-----")
                || !lines.getLast().equals("-----END PRIVATE KEY-----")) {
            throw new IllegalStateException(what + " must be a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----);"
                    + " convert an older one with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out signing-key.pem");
        }
        try {
            var der = Base64.getDecoder().decode(String.join("", lines.subList(1, lines.size() - 1)));
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey key)) {
                throw new IllegalStateException(
                        what + " must be an RSA key with its CRT parameters (as openssl writes" + " it)");
            }
            if (key.getModulus().bitLength() < MIN_BITS) {
                throw new IllegalStateException(
                        what + " has " + key.getModulus().bitLength() + " bits; at least " + MIN_BITS + " are needed");
            }
            var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new SigningKey(publicKey, key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not the exception's message: a parser's message could quote the bytes it choked on.
            throw new IllegalStateException(what + " is not a readable RSA private key");
        }
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                log.warn("The token signing key {} can be read by other users: chmod 600 it", file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    /** A stable id of the public key (the first 16 hex digits of its SHA-256), the {@code kid} of every token. */
    private static String keyId(RSAPublicKey key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return String.format("%016x", new BigInteger(1, digest).shiftRight(192));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    RSAPrivateKey privateKey() {
        return privateKey;
    }

    String id() {
        return id;
    }

    @Override
    public String toString() {
        return "SigningKey[id=" + id + "]";
    }
}
