package dev.sanctions.bench;

import dev.sanctions.avro.DesignationState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 of every state, in the order of their designation keys: the key's bytes and the state's Avro encoding,
 * each preceded by its length. A read in a JVM of its own ({@link ReadsMain}) hands it back instead of its hundreds
 * of thousands of states, and the benchmark compares it with the same digest of the states it expects: equal
 * digests mean equal states, every one of them (the designation states hold no maps, so equal states encode to
 * equal bytes).
 *
 * <p>The designations of the imported list are left out, as from every check against the fold of the synthetic log
 * (no synthetic announcement touches them; their receipts are their check).
 */
final class StatesDigest {

    private StatesDigest() {}

    /**
     * The digest of {@code states} other than the imported list's, and how many went in; a designation that came
     * twice goes in twice, so it cannot pass for one.
     */
    static Digested of(Collection<DesignationState> states) {
        List<DesignationState> inKeyOrder = new ArrayList<>(states.size());
        for (DesignationState state : states) {
            if (!imported(state)) {
                inKeyOrder.add(state);
            }
        }
        inKeyOrder.sort(Comparator.comparing(DesignationState::getDesignationKey));
        MessageDigest sha = sha256();
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        inKeyOrder.forEach(state -> {
            byte[] keyBytes = state.getDesignationKey().getBytes(StandardCharsets.UTF_8);
            ByteBuffer encoded = encode(state);
            sha.update(length.clear().putInt(keyBytes.length).flip());
            sha.update(keyBytes);
            sha.update(length.clear().putInt(encoded.remaining()).flip());
            sha.update(encoded);
        });
        return new Digested(HexFormat.of().formatHex(sha.digest()), inKeyOrder.size());
    }

    /** A digest and the number of states in it. */
    record Digested(String sha256, long states) {

        /** As {@link ReadsMain} writes it on one line. */
        String line() {
            return states + " " + sha256;
        }

        static Digested parse(String count, String sha256) {
            return new Digested(sha256, Long.parseLong(count));
        }
    }

    /** A designation of the imported list ({@link UnListFile}), which no synthetic announcement touches. */
    private static boolean imported(DesignationState state) {
        return ImportPhase.AUTHORITY.equals(state.getAuthority()) && ImportPhase.LIST.equals(state.getList());
    }

    private static ByteBuffer encode(DesignationState state) {
        try {
            return state.toByteBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the state of " + state.getDesignationKey(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
