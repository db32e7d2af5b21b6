package com.linetrace.audit.ledger;

import com.linetrace.audit.verifier.Merkle;
import java.util.ArrayList;
import java.util.List;

/**
 * The roots of a growing log from its leaves in one pass, in O(log n) memory: the hashes of the complete subtrees
 * that make up the leaves so far, largest first (as RFC 9162's tree, left-full, is made of them).
 */
final class CompactRange {

    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();

    void append(byte[] leafHash) {
        var hash = leafHash;
        var size = 1L;
        while (!sizes.isEmpty() && sizes.getLast() == size) {
            hash = Merkle.nodeHash(hashes.removeLast(), hash);
            size += sizes.removeLast();
        }
        hashes.add(hash);
        sizes.add(size);
    }

    /** The root of the leaves appended so far: the subtrees folded from the right. */
    byte[] root() {
        if (hashes.isEmpty()) {
            return Merkle.emptyRoot();
        }
        var root = hashes.getLast();
        for (var i = hashes.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
