package dev.sanctions.importers;

import dev.sanctions.avro.Action;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * The entries of a list's first pass in Avro's binary encoding (the bytes its hash is taken over), kept while they
 * fit a budget so that publishing them needs no second read of the file: parsing the XML is most of an import's
 * time. Encoded, an entry takes a few times less memory than as objects; past the budget everything kept is dropped
 * and the entries are read from the file again, one at a time, so memory stays bounded whatever the list's size.
 * The size of every entry is recorded in either case (4 bytes an entry, for at most a snapshot's most entries and
 * one), so a publisher splits the entries into parts without reading the file to measure them.
 */
final class EncodedEntries {

    /**
     * An eighth of the heap: with the default 1 GB, 128 MB, which holds a snapshot's most entries (200,000) of the
     * generated UN list the benchmark imports (about 400 bytes each encoded, 424 counted); the rest of the heap is
     * the ids seen, the producer's buffers and the part being sent.
     */
    private static final int HEAP_SHARE = 8;

    /**
     * What keeping an entry costs besides its bytes, counted against the budget so that it bounds the memory really
     * held: the array's header (16 bytes) and its padding to 8 bytes (4 on average), the list's reference to it (4)
     * and the list's room to grow (about 1).
     */
    static final int ENTRY_OVERHEAD_BYTES = 24;

    private final long budget;
    private List<byte[]> entries = new ArrayList<>();
    private long bytes;
    private int[] sizes = new int[1024];
    private int count;

    /** @param budget bytes of encoded entries kept at most, with their overhead; 0 keeps none */
    EncodedEntries(long budget) {
        this.budget = budget;
        if (budget <= 0) {
            entries = null;
        }
    }

    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / HEAP_SHARE;
    }

    /**
     * Records the size of the entry just encoded in {@code encoded} and keeps a copy of it, or drops every entry kept
     * once over the budget.
     */
    void add(Buffer encoded) {
        // A list of more entries than a snapshot holds is refused: its sizes past the most are never asked for.
        if (count <= ListImport.MAX_ENTRIES) {
            if (count == sizes.length) {
                sizes = Arrays.copyOf(sizes, Math.min(sizes.length * 2, ListImport.MAX_ENTRIES + 1));
            }
            sizes[count++] = encoded.size();
        }
        if (entries == null) {
            return;
        }
        bytes += encoded.size() + ENTRY_OVERHEAD_BYTES;
        if (bytes > budget) {
            drop();
            return;
        }
        entries.add(encoded.copy());
    }

    /** Keeps nothing from now on. */
    void drop() {
        entries = null;
    }

    /** The encoded size of every entry read, in order (of the first {@code MAX_ENTRIES + 1} only). */
    int[] sizes() {
        return Arrays.copyOf(sizes, count);
    }

    /** Every entry read, when all of them fitted. */
    Optional<List<byte[]>> entries() {
        return Optional.ofNullable(entries).map(Collections::unmodifiableList);
    }

    /** Decodes {@code encoded} in order, handing each entry to {@code consumer}. */
    static void forEach(List<byte[]> encoded, Consumer<Action> consumer) {
        SpecificDatumReader<Action> reader = new SpecificDatumReader<>(Action.class);
        BinaryDecoder decoder = null;
        for (byte[] entry : encoded) {
            decoder = DecoderFactory.get().binaryDecoder(entry, decoder);
            Action action;
            try {
                action = reader.read(null, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException("decoding an entry this process encoded", e);
            }
            consumer.accept(action);
        }
    }

    /** The encoding of one entry, reused from entry to entry. */
    static final class Buffer extends ByteArrayOutputStream {
        void digestInto(MessageDigest digest) {
            digest.update(buf, 0, count);
        }

        byte[] copy() {
            return Arrays.copyOf(buf, count);
        }
    }
}
