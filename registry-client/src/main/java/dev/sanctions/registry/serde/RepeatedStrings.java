package dev.sanctions.registry.serde;

import java.io.IOException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * The strings one field has read lately, so that a value read again is the String read before rather than a new
 * copy: an authority, a jurisdiction, a legal basis, a program name repeat in nearly every record, and a replay or
 * a snapshot keeps hundreds of thousands of states that would each hold copies of their own.
 *
 * <p>Only short ASCII values are kept, in a small table with one String per slot; a value whose slot holds another
 * one is read as usual and takes the slot. Threads may share it: a String is immutable, so one read from a slot
 * another thread has just written is always a whole one, and the worst a race does is miss.
 */
final class RepeatedStrings {

    private static final int SLOTS = 64;
    private static final int MAX_BYTES = 64;
    /** The bytes of the value being read, per thread, as {@link org.apache.avro.io.BinaryDecoder} keeps its own. */
    private static final ThreadLocal<Utf8> SCRATCH = ThreadLocal.withInitial(Utf8::new);

    private final String[] slots = new String[SLOTS];

    /** The next string of {@code in}: what {@link Decoder#readString()} reads, with its limits. */
    String read(Decoder in) throws IOException {
        Utf8 utf8 = in.readString(SCRATCH.get());
        int length = utf8.getByteLength();
        if (length > MAX_BYTES) {
            return utf8.toString();
        }
        byte[] bytes = utf8.getBytes();
        int hash = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return utf8.toString(); // not ASCII: read as usual
            }
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String kept = slots[slot];
        if (kept != null && sameAscii(kept, bytes, length)) {
            return kept;
        }
        String read = utf8.toString();
        slots[slot] = read;
        return read;
    }

    private static boolean sameAscii(String kept, byte[] bytes, int length) {
        if (kept.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (kept.charAt(i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
