package com.linetrace.audit.verifier;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note taken apart: the text (ending in a newline), then after a blank line one or more lines
 * {@code — <key name> <base64(key id || signature)>}.
 */
record SignedNote(String text, List<Line> signatures) {

    static final String DASH = "\u2014";

    /** Go's note package refuses more; so do we, so a hostile file cannot make us verify forever. */
    private static final int MAX_SIGNATURES = 100;

    private static final int MAX_NOTE_CHARS = 1 << 20;

    record Line(String name, int keyId, byte[] signature) {}

    static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("A note's text ends in a newline");
        }
        if (text.contains("\n\n")) {
            throw new IllegalArgumentException("A note's text holds no blank line");
        }
        for (var i = 0; i < text.length(); i++) {
            if (text.charAt(i) < ' ' && text.charAt(i) != '\n') {
                throw new IllegalArgumentException("A note holds no control character but newline");
            }
        }
    }

    static SignedNote parse(String note) {
        if (note.length() > MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("Not a note: longer than 1 MiB");
        }
        var split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("Not a signed note: no blank line before the signatures");
        }
        var text = note.substring(0, split + 1);
        requireText(text);
        var lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("Not a signed note: more than " + MAX_SIGNATURES + " signatures");
        }
        var signatures = new ArrayList<Line>();
        for (var line : lines) {
            signatures.add(line(line));
        }
        return new SignedNote(text, List.copyOf(signatures));
    }

    private static Line line(String line) {
        if (!line.startsWith(DASH + " ")) {
            throw new IllegalArgumentException("A signature line starts with an em dash and a space");
        }
        var rest = line.substring(2);
        var space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("A signature line is '— <key name> <signature>'");
        }
        var name = NoteKeys.requireName(rest.substring(0, space));
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A signature is base64");
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("A signature holds a key id and the signature");
        }
        return new Line(name, ByteBuffer.wrap(blob).getInt(), Arrays.copyOfRange(blob, 4, blob.length));
    }
}
