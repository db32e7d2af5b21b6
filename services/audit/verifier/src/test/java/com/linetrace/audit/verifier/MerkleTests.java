package com.linetrace.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log's Merkle code against vectors it did not make: RFC 9162's definitions written out again here, naively over
 * lists of entries, for every tree of 1 to 64 leaves; and the published vectors of transparency-dev/merkle
 * ({@code proof/verify_test.go} and {@code testonly/constants.go}, the RFC 6962 vectors also used by Certificate
 * Transparency), whose leaf numbers there are 1-based.
 */
class MerkleTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> PUBLISHED_LEAVES =
            hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> PUBLISHED_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsMatchThePublishedVectors() {
        var tree = Merkle.over(leafHashes(PUBLISHED_LEAVES));
        assertThat(HEX.formatHex(Merkle.root(tree, 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (var size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(Merkle.root(tree, size)))
                    .as("root of %d leaves", size)
                    .isEqualTo(PUBLISHED_ROOTS.get(size - 1));
        }
    }

    @Test
    void inclusionProofsMatchThePublishedVectors() {
        var tree = Merkle.over(leafHashes(PUBLISHED_LEAVES));
        assertInclusion(
                tree,
                0,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(
                tree,
                5,
                8,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(tree, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(
                tree,
                1,
                5,
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsMatchThePublishedVectors() {
        var tree = Merkle.over(leafHashes(PUBLISHED_LEAVES));
        assertConsistency(
                tree,
                1,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(
                tree,
                6,
                8,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(
                tree,
                2,
                5,
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(
                tree,
                6,
                7,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(Merkle.consistencyProof(tree, 1, 1)).isEmpty();
    }

    @Test
    void agreesWithTheRfcsDefinitionsForEveryTreeUpTo64Leaves() {
        var entries = new ArrayList<byte[]>();
        for (var i = 0; i < 64; i++) {
            entries.add(("entry " + i).getBytes());
        }
        var tree = Merkle.over(leafHashes(entries));
        for (var n = 1; n <= 64; n++) {
            var data = entries.subList(0, n);
            var root = Naive.mth(data);
            assertThat(Merkle.root(tree, n)).as("root of %d", n).isEqualTo(root);
            for (var m = 0; m < n; m++) {
                var proof = Merkle.inclusionProof(tree, m, n);
                assertThat(proof).as("path %d of %d", m, n).containsExactlyElementsOf(Naive.path(m, data));
                var leaf = Merkle.leafHash(entries.get(m));
                assertThat(Merkle.verifyInclusion(m, n, leaf, proof, root)).isTrue();
                assertThat(Merkle.verifyInclusion(m, n, Merkle.leafHash("forged".getBytes()), proof, root))
                        .isFalse();
                if (n > 1) {
                    assertThat(Merkle.verifyInclusion((m + 1) % n, n, leaf, proof, root))
                            .isFalse();
                }
            }
            for (var m = 1; m <= n; m++) {
                var proof = Merkle.consistencyProof(tree, m, n);
                assertThat(proof).as("consistency %d to %d", m, n).containsExactlyElementsOf(Naive.proof(m, data));
                var oldRoot = Naive.mth(entries.subList(0, m));
                assertThat(Merkle.verifyConsistency(m, n, oldRoot, root, proof)).isTrue();
                if (m < n) {
                    var forged = Naive.mth(List.of("rewritten".getBytes()));
                    assertThat(Merkle.verifyConsistency(m, n, forged, root, proof))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(m, n, oldRoot, forged, proof))
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(m, n, oldRoot, root, proof.subList(0, proof.size() - 1)))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void batchProofsAreMadeOfThePublishedPaths() {
        var tree = Merkle.over(leafHashes(PUBLISHED_LEAVES));
        var proof = Merkle.batchInclusionProof(tree, new long[] {0, 5}, 8);
        // Leaves 0 and 5 of 8: of their published paths (3 hashes each) the 4 that neither leaf's side gives.
        assertThat(proof.stream().map(HEX::formatHex))
                .containsExactly(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0");
        var leaves = List.of(Merkle.leafHash(PUBLISHED_LEAVES.get(0)), Merkle.leafHash(PUBLISHED_LEAVES.get(5)));
        var root = HEX.parseHex(PUBLISHED_ROOTS.get(7));
        assertThat(Merkle.verifyBatchInclusion(new long[] {0, 5}, leaves, 8, proof, root))
                .isTrue();
    }

    @Test
    void batchProofsShowEverySetOfLeavesOfEveryTreeUpTo12Leaves() {
        var entries = new ArrayList<byte[]>();
        for (var i = 0; i < 12; i++) {
            entries.add(("entry " + i).getBytes());
        }
        var tree = Merkle.over(leafHashes(entries));
        for (var n = 1; n <= 12; n++) {
            var data = entries.subList(0, n);
            var root = Naive.mth(data);
            for (var set = 1; set < 1 << n; set++) {
                final var chosen = set;
                var picked = java.util.stream.LongStream.range(0, n)
                        .filter(i -> (chosen & (1 << i)) != 0)
                        .toArray();
                var leaves = java.util.Arrays.stream(picked)
                        .mapToObj(i -> Merkle.leafHash(data.get((int) i)))
                        .toList();
                var proof = Merkle.batchInclusionProof(tree, picked, n);
                var what = "leaves " + java.util.Arrays.toString(picked) + " of " + n;
                assertThat(Merkle.verifyBatchInclusion(picked, leaves, n, proof, root))
                        .as(what)
                        .isTrue();
                // Every hash is one the RFC's own paths of those leaves hold, and never more of them.
                var paths = new ArrayList<String>();
                for (var i : picked) {
                    Naive.path((int) i, data).forEach(hash -> paths.add(HEX.formatHex(hash)));
                }
                assertThat(paths)
                        .as(what)
                        .containsAll(proof.stream().map(HEX::formatHex).toList());
                assertThat(proof.size()).as(what).isLessThanOrEqualTo(paths.size());
                if (picked.length == 1) {
                    assertThat(proof.stream().map(HEX::formatHex)).as(what).containsExactlyInAnyOrderElementsOf(paths);
                }
                var forged = new ArrayList<>(leaves);
                forged.set(forged.size() - 1, Merkle.leafHash("forged".getBytes()));
                assertThat(Merkle.verifyBatchInclusion(picked, forged, n, proof, root))
                        .as(what + ", one forged")
                        .isFalse();
                if (!proof.isEmpty()) {
                    assertThat(Merkle.verifyBatchInclusion(picked, leaves, n, proof.subList(1, proof.size()), root))
                            .as(what + ", a hash short")
                            .isFalse();
                }
                var longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(Merkle.verifyBatchInclusion(picked, leaves, n, longer, root))
                        .as(what + ", a hash too many")
                        .isFalse();
                if (picked[picked.length - 1] + 1 < n) {
                    var moved = picked.clone();
                    moved[moved.length - 1]++;
                    assertThat(Merkle.verifyBatchInclusion(moved, leaves, n, proof, root))
                            .as(what + ", the last moved")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void refusesProofsOfImpossibleShapes() {
        var hash = Merkle.leafHash(new byte[0]);
        assertThat(Merkle.verifyInclusion(0, 0, hash, List.of(), hash)).isFalse();
        assertThat(Merkle.verifyInclusion(1, 1, hash, List.of(), hash)).isFalse();
        assertThat(Merkle.verifyInclusion(0, 1, hash, List.of(hash), hash)).isFalse();
        assertThat(Merkle.verifyInclusion(0, 2, hash, List.of(new byte[3]), hash))
                .isFalse();
        assertThat(Merkle.verifyConsistency(2, 1, hash, hash, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 2, hash, hash, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(2, 2, hash, hash, List.of(hash))).isFalse();
        assertThat(Merkle.verifyBatchInclusion(new long[0], List.of(), 1, List.of(), hash))
                .isFalse();
        assertThat(Merkle.verifyBatchInclusion(new long[] {1, 0}, List.of(hash, hash), 2, List.of(), hash))
                .isFalse();
        assertThat(Merkle.verifyBatchInclusion(new long[] {0, 0}, List.of(hash, hash), 2, List.of(), hash))
                .isFalse();
        assertThat(Merkle.verifyBatchInclusion(new long[] {0}, List.of(hash, hash), 2, List.of(hash), hash))
                .isFalse();
        assertThat(Merkle.verifyBatchInclusion(new long[] {2}, List.of(hash), 2, List.of(hash), hash))
                .isFalse();
    }

    private static void assertInclusion(Merkle.Subtrees tree, long index, long size, String... proof) {
        var made = Merkle.inclusionProof(tree, index, size);
        assertThat(made.stream().map(HEX::formatHex)).containsExactly(proof);
        var leaf = Merkle.leafHash(PUBLISHED_LEAVES.get(Math.toIntExact(index)));
        var root = HEX.parseHex(PUBLISHED_ROOTS.get(Math.toIntExact(size - 1)));
        assertThat(Merkle.verifyInclusion(index, size, leaf, hex(proof), root)).isTrue();
    }

    private static void assertConsistency(Merkle.Subtrees tree, long first, long second, String... proof) {
        var made = Merkle.consistencyProof(tree, first, second);
        assertThat(made.stream().map(HEX::formatHex)).containsExactly(proof);
        var firstRoot = HEX.parseHex(PUBLISHED_ROOTS.get(Math.toIntExact(first - 1)));
        var secondRoot = HEX.parseHex(PUBLISHED_ROOTS.get(Math.toIntExact(second - 1)));
        assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, hex(proof)))
                .isTrue();
    }

    private static List<byte[]> leafHashes(List<byte[]> entries) {
        return entries.stream().map(Merkle::leafHash).toList();
    }

    private static List<byte[]> hex(String... values) {
        return List.of(values).stream().map(HEX::parseHex).toList();
    }

    /** RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 as the RFC writes them: recursion over lists, hashing with its own SHA. */
    private static final class Naive {

        static byte[] mth(List<byte[]> d) {
            if (d.size() == 1) {
                return sha((byte) 0, d.getFirst());
            }
            var k = 1;
            while (k * 2 < d.size()) {
                k *= 2;
            }
            return sha((byte) 1, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            var n = d.size();
            if (n == 1) {
                return List.of();
            }
            var k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            var result = new ArrayList<byte[]>();
            if (m < k) {
                result.addAll(path(m, d.subList(0, k)));
                result.add(mth(d.subList(k, n)));
            } else {
                result.addAll(path(m - k, d.subList(k, n)));
                result.add(mth(d.subList(0, k)));
            }
            return result;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            var n = d.size();
            if (m == n) {
                return b ? List.of() : List.of(mth(d));
            }
            var k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            var result = new ArrayList<byte[]>();
            if (m <= k) {
                result.addAll(subproof(m, d.subList(0, k), b));
                result.add(mth(d.subList(k, n)));
            } else {
                result.addAll(subproof(m - k, d.subList(k, n), false));
                result.add(mth(d.subList(0, k)));
            }
            return result;
        }

        private static byte[] sha(byte prefix, byte[]... parts) {
            try {
                var sha = MessageDigest.getInstance("SHA-256");
                sha.update(prefix);
                for (var part : parts) {
                    sha.update(part);
                }
                return sha.digest();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
