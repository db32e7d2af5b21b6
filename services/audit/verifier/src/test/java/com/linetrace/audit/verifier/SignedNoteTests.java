package com.linetrace.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against vectors made elsewhere: the example key and note of Go's {@code golang.org/x/mod/sumdb/note}
 * (its package documentation and {@code note_test.go}), the example of the C2SP signed-note specification
 * (https://c2sp.org/signed-note, "Verifier keys"), and RFC 8032 §7.1 test 1 for the key made from a seed.
 */
class SignedNoteTests {

    private static final String GO_SIGNER =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT =
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final String SPEC_VERIFIER = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private static final String SPEC_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    @Test
    void signsGosExampleNoteByteForByte() {
        var signer = NoteSigner.parse(GO_SIGNER);
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifier().verifierKey()).isEqualTo(GO_VERIFIER);
        assertThat(signer.signerKey()).isEqualTo(GO_SIGNER);
        assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
    }

    @Test
    void opensGosAndTheSpecificationsExampleNotes() {
        assertThat(NoteVerifier.parse(GO_VERIFIER).open(GO_NOTE)).isEqualTo(GO_TEXT);
        assertThat(NoteVerifier.parse(SPEC_VERIFIER).open(SPEC_NOTE)).isEqualTo("This is an example message.\n");
    }

    @Test
    void refusesANoteWhoseTextWasChanged() {
        var verifier = NoteVerifier.parse(GO_VERIFIER);
        assertThatThrownBy(() -> verifier.open(GO_NOTE.replace("answer", "answers")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void refusesANoteSignedByAnotherKey() {
        assertThatThrownBy(() -> NoteVerifier.parse(SPEC_VERIFIER).open(GO_NOTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not signed by example.com/foo");
    }

    @Test
    void refusesAKeyWhoseIdIsNotItsOwn() {
        assertThatThrownBy(() -> NoteVerifier.parse(GO_VERIFIER.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("id does not match");
        assertThatThrownBy(() -> NoteSigner.parse(GO_SIGNER.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("id does not match")
                .hasMessageNotContaining("AYEK");
    }

    @Test
    void makesRfc8032sPublicKeyFromItsSeed() {
        var hex = HexFormat.of();
        var keys = Ed25519.fromSeed(hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(hex.formatHex(Ed25519.rawPublicKey(keys.getPublic())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void checkpointsRoundTripThroughTheirSignedNote() {
        var signer = NoteSigner.generate("linetrace.test/audit");
        var checkpoint = new Checkpoint("linetrace.test/audit", 7, Merkle.leafHash(new byte[0]));
        var note = checkpoint.sign(signer);
        assertThat(note).startsWith("linetrace.test/audit\n7\n").contains("\n\n\u2014 linetrace.test/audit ");
        assertThat(Checkpoint.open(note, signer.verifier())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.open(note.replace("\n7\n", "\n8\n"), signer.verifier()))
                .hasMessageContaining("does not verify");
        assertThat(signer.toString()).doesNotContain(signer.signerKey().substring(30));
    }
}
