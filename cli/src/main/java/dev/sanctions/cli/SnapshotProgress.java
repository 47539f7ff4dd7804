package dev.sanctions.cli;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.subscriber.DesignationListener;

/**
 * A listener that shows, on a terminal, how far the snapshot has been read ({@link Progress} on stderr) and
 * hands everything else to the listener it wraps. The progress line is cleared before the first state prints.
 */
final class SnapshotProgress implements DesignationListener {

    private final DesignationListener listener;
    private final Progress progress;

    SnapshotProgress(DesignationListener listener, Progress progress) {
        this.listener = listener;
        this.progress = progress;
    }

    @Override
    public void onSnapshotProgress(long recordsRead, boolean done) {
        if (done) {
            progress.close();
        } else {
            progress.accept(recordsRead);
        }
        listener.onSnapshotProgress(recordsRead, done);
    }

    @Override
    public void onSnapshot(DesignationState state) {
        listener.onSnapshot(state);
    }

    @Override
    public void onChange(DesignationChange change) {
        listener.onChange(change);
    }

    @Override
    public void onGap(String designationKey, long expected, long received) {
        listener.onGap(designationKey, expected, received);
    }
}
