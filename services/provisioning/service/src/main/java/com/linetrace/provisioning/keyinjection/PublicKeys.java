package com.linetrace.provisioning.keyinjection;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * One encoding per public key, so that the same key is always recognised as the same: an EC key as its uncompressed
 * point on its named curve (a compressed point, or the uncompressed one, is the same key), any other key as the DER
 * of its SubjectPublicKeyInfo. Also names a key's algorithm the way the key policy does ({@code P-256},
 * {@code Ed25519}, {@code RSA-2048}…).
 */
final class PublicKeys {

    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521");
    private static final Map<String, String> ALGORITHMS = Map.of("1.3.101.112", "Ed25519", "1.3.101.113", "Ed448");

    private PublicKeys() {}

    /** The canonical form of a key, or null when it is not a well-formed key (an EC point off its curve, say). */
    static @Nullable SubjectPublicKeyInfo canonical(SubjectPublicKeyInfo key) {
        try {
            var algorithm = key.getAlgorithm();
            if (!algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                return SubjectPublicKeyInfo.getInstance(key.getEncoded(ASN1Encoding.DER));
            }
            if (!(algorithm.getParameters() instanceof ASN1ObjectIdentifier curve)) {
                return null;
            }
            var parameters = ECNamedCurveTable.getByOID(curve);
            if (parameters == null) {
                return null;
            }
            var point = parameters.getCurve().decodePoint(key.getPublicKeyData().getOctets());
            if (!point.isValid() || point.isInfinity()) {
                return null;
            }
            return new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point.getEncoded(false));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The key's algorithm as the key policy names it; the algorithm's OID when it has no such name. */
    static String algorithm(SubjectPublicKeyInfo key) {
        var algorithm = key.getAlgorithm();
        var oid = algorithm.getAlgorithm().getId();
        if (algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return algorithm.getParameters() instanceof ASN1ObjectIdentifier curve
                    ? CURVES.getOrDefault(curve.getId(), "EC " + curve.getId())
                    : "EC with explicit parameters";
        }
        if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            try {
                BigInteger modulus =
                        RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
                return "RSA-" + modulus.bitLength();
            } catch (IOException | RuntimeException e) {
                return "RSA";
            }
        }
        return ALGORITHMS.getOrDefault(oid, oid);
    }
}
