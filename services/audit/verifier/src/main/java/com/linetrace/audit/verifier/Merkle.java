package com.linetrace.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Merkle tree of RFC 9162 §2.1 over a log's entries in append order: leaf hash SHA-256(0x00 || entry), node hash
 * SHA-256(0x01 || left || right), and a tree of n leaves split at the largest power of two below n. Proofs are made
 * from any {@link Subtrees} (the service's stored hashes; a list of leaf hashes in tests) and checked with the
 * verification algorithms of §2.1.3.2 and §2.1.4.2, which need nothing but the proof, the sizes and the roots.
 */
public final class Merkle {

    /** SHA-256's output length: every hash of the tree. */
    public static final int HASH_BYTES = 32;

    private Merkle() {}

    /** Hashes of complete or partial subtrees of one log. */
    @FunctionalInterface
    public interface Subtrees {

        /** MTH(D[start:end]) of RFC 9162, for {@code 0 <= start < end <= size}. */
        byte[] hash(long start, long end);
    }

    /** The hash of a leaf holding {@code entry}: SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        var sha = sha256();
        sha.update((byte) 0x00);
        sha.update(entry);
        return sha.digest();
    }

    /** The hash of an inner node: SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        var sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two strictly smaller than {@code n} (n &gt; 1): where RFC 9162 splits a tree of n leaves. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("A tree of " + n + " leaves does not split");
        }
        return Long.highestOneBit(n - 1);
    }

    /**
     * MTH(D[start:end]) from the leaf hashes of {@code leaves} ({@code leaves.get(i)} is leaf {@code i}): for tests and
     * for recomputing a small tree; the service asks its stored subtrees instead.
     */
    public static Subtrees over(List<byte[]> leaves) {
        return new Subtrees() {
            @Override
            public byte[] hash(long start, long end) {
                if (end - start == 1) {
                    return leaves.get(Math.toIntExact(start));
                }
                var k = split(end - start);
                return nodeHash(hash(start, start + k), hash(start + k, end));
            }
        };
    }

    /** The root of a tree of {@code size} leaves. */
    public static byte[] root(Subtrees tree, long size) {
        return size == 0 ? emptyRoot() : tree.hash(0, size);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1: the inclusion proof of leaf {@code index}, leaf side first. */
    public static List<byte[]> inclusionProof(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
        }
        var proof = new ArrayList<byte[]>();
        path(tree, index, 0, size, proof);
        return proof;
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> proof) {
        var n = end - start;
        if (n == 1) {
            return;
        }
        var k = split(n);
        if (m < k) {
            path(tree, m, start, start + k, proof);
            proof.add(tree.hash(start + k, end));
        } else {
            path(tree, m - k, start + k, end, proof);
            proof.add(tree.hash(start, start + k));
        }
    }

    /**
     * One proof for several leaves of one tree: the hashes of the largest subtrees that hold none of {@code indexes},
     * in the order a depth-first walk of the tree meets them, left before right. With the leaves' own hashes they give
     * the root, as each leaf's {@link #inclusionProof} would, but a hash the paths share is given once: the entries of
     * one unit, appended over a few hours, share the upper part of their paths. For one leaf it holds the hashes of
     * that leaf's inclusion proof, in the walk's order.
     *
     * @param indexes strictly increasing, each below {@code size}
     */
    public static List<byte[]> batchInclusionProof(Subtrees tree, long[] indexes, long size) {
        requireIncreasing(indexes, size);
        var proof = new ArrayList<byte[]>();
        batch(tree, indexes, 0, indexes.length, 0, size, proof);
        return proof;
    }

    private static void batch(
            Subtrees tree, long[] indexes, int from, int to, long start, long end, List<byte[]> proof) {
        if (from == to) {
            proof.add(tree.hash(start, end));
            return;
        }
        if (end - start == 1) {
            return;
        }
        var k = start + split(end - start);
        var mid = firstAtOrAfter(indexes, from, to, k);
        batch(tree, indexes, from, mid, start, k, proof);
        batch(tree, indexes, mid, to, k, end, proof);
    }

    /**
     * True when {@code proof} ({@link #batchInclusionProof}) shows the leaves at {@code indexes}, hashing to
     * {@code leafHashes}, under {@code root} of a tree of {@code size} leaves, and holds no hash more than that.
     */
    public static boolean verifyBatchInclusion(
            long[] indexes, List<byte[]> leafHashes, long size, List<byte[]> proof, byte[] root) {
        if (indexes.length == 0
                || indexes.length != leafHashes.size()
                || !wellFormed(proof)
                || !wellFormed(leafHashes)) {
            return false;
        }
        try {
            requireIncreasing(indexes, size);
        } catch (IllegalArgumentException e) {
            return false;
        }
        var given = proof.iterator();
        var computed = recompute(indexes, leafHashes, 0, indexes.length, 0, size, given);
        return computed != null && !given.hasNext() && MessageDigest.isEqual(computed, root);
    }

    private static byte @Nullable [] recompute(
            long[] indexes,
            List<byte[]> leafHashes,
            int from,
            int to,
            long start,
            long end,
            java.util.Iterator<byte[]> given) {
        if (from == to) {
            return given.hasNext() ? given.next() : null;
        }
        if (end - start == 1) {
            return leafHashes.get(from);
        }
        var k = start + split(end - start);
        var mid = firstAtOrAfter(indexes, from, to, k);
        var left = recompute(indexes, leafHashes, from, mid, start, k, given);
        if (left == null) {
            return null;
        }
        var right = recompute(indexes, leafHashes, mid, to, k, end, given);
        return right == null ? null : nodeHash(left, right);
    }

    private static int firstAtOrAfter(long[] indexes, int from, int to, long bound) {
        var i = from;
        while (i < to && indexes[i] < bound) {
            i++;
        }
        return i;
    }

    private static void requireIncreasing(long[] indexes, long size) {
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] < 0 || indexes[i] >= size || (i > 0 && indexes[i] <= indexes[i - 1])) {
                throw new IllegalArgumentException("The leaves of a batch proof are distinct, in increasing order and"
                        + " in the tree of " + size + ": " + java.util.Arrays.toString(indexes));
            }
        }
    }

    /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1: that the tree of {@code first} leaves is a prefix of the other. */
    public static List<byte[]> consistencyProof(Subtrees tree, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("No consistency proof from " + first + " to " + second);
        }
        var proof = new ArrayList<byte[]>();
        subproof(tree, first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean whole, List<byte[]> proof) {
        var n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(tree.hash(start, end));
            }
            return;
        }
        var k = split(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, whole, proof);
            proof.add(tree.hash(start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, proof);
            proof.add(tree.hash(start, start + k));
        }
    }

    /** RFC 9162 §2.1.3.2: true when {@code proof} shows leaf {@code index} hashing to {@code leafHash} under {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(proof) || leafHash.length != HASH_BYTES) {
            return false;
        }
        var fn = index;
        var sn = size - 1;
        var r = leafHash;
        for (var p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: true when {@code proof} shows the tree of {@code first} leaves with root {@code firstRoot} to
     * be a prefix of the tree of {@code second} leaves with root {@code secondRoot}.
     */
    public static boolean verifyConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 1 || first > second || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        var path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path.getFirst();
        var sr = path.getFirst();
        for (var c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof.stream().allMatch(hash -> hash != null && hash.length == HASH_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
