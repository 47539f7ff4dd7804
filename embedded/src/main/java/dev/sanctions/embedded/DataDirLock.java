package dev.sanctions.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second embedded broker, in this process or another, off a data directory in use. Kafka's own lock comes
 * too late: a second broker opens the metadata log before it and can corrupt the first broker's cluster metadata.
 */
final class DataDirLock implements AutoCloseable {
    /** Not Kafka's own {@code .lock}, which the broker itself takes. */
    private static final String FILE_NAME = "embedded-broker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        FileChannel channel;
        try {
            channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the Kafka data directory " + dataDir, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the Kafka data directory " + dataDir, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("the Kafka data directory " + dataDir + " is in use by another embedded"
                    + " broker: stop it or choose another data directory");
        }
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock as well; nothing more to undo.
        }
    }
}
