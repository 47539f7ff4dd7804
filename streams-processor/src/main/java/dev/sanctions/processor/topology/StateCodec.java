package dev.sanctions.processor.topology;

import dev.sanctions.core.SnapshotAssembly;
import dev.sanctions.core.SnapshotCursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The bytes of the small bookkeeping values of {@link SnapshotStores}: a snapshot being received and the snapshot
 * being applied. Each begins with a format version, so a later layout can still read an older one after an upgrade.
 */
final class StateCodec {
    private static final int VERSION = 1;

    private StateCodec() {}

    /** The snapshot being applied: whose, how many entries, how far ({@link SnapshotCursor}), how far cleaned up. */
    record Job(String authority, int entries, SnapshotCursor cursor, Cleanup cleanup, String cleanedAfter) {}

    /** After the run: dropping the named ids, then the parts, then the job itself. */
    enum Cleanup {
        RUNNING,
        NAMED,
        PARTS
    }

    static byte[] encode(SnapshotAssembly.Pending p) {
        return write(out -> {
            out.writeUTF(p.announcementId());
            out.writeUTF(p.authority());
            out.writeUTF(p.jurisdiction());
            out.writeLong(p.publishedAt().toEpochMilli());
            writeNullable(out, p.list());
            out.writeInt(p.parts());
            out.writeInt(p.nextPart());
            out.writeInt(p.entries());
            writeNullable(out, p.problem());
        });
    }

    static SnapshotAssembly.Pending decodePending(byte[] bytes) {
        return read(
                bytes,
                in -> new SnapshotAssembly.Pending(
                        in.readUTF(),
                        in.readUTF(),
                        in.readUTF(),
                        Instant.ofEpochMilli(in.readLong()),
                        readNullable(in),
                        in.readInt(),
                        in.readInt(),
                        in.readInt(),
                        readNullable(in)));
    }

    static byte[] encode(Job job) {
        return write(out -> {
            out.writeUTF(job.authority());
            out.writeInt(job.entries());
            SnapshotCursor c = job.cursor();
            out.writeUTF(c.phase().name());
            out.writeInt(c.next());
            writeNullable(out, c.afterKey());
            out.writeInt(c.active());
            out.writeInt(c.delisting());
            out.writeInt(c.derived());
            out.writeUTF(job.cleanup().name());
            writeNullable(out, job.cleanedAfter());
        });
    }

    static Job decodeJob(byte[] bytes) {
        return read(
                bytes,
                in -> new Job(
                        in.readUTF(),
                        in.readInt(),
                        new SnapshotCursor(
                                SnapshotCursor.Phase.valueOf(in.readUTF()),
                                in.readInt(),
                                readNullable(in),
                                in.readInt(),
                                in.readInt(),
                                in.readInt()),
                        Cleanup.valueOf(in.readUTF()),
                        readNullable(in)));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("snapshot bookkeeping of format " + version + ", this processor reads "
                        + VERSION + ": run the processor version that wrote it until its snapshots are applied");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // writeUTF takes at most 65,535 bytes: the texts here are ids, keys and a problem text capped at 10,000 chars.
    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
