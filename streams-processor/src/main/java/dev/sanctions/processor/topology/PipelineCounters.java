package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectionReason;

/**
 * Counts what the topology did with records that did not become changes, so an operator sees junk and
 * rejections on {@code /metrics}. Called on stream threads; counts attempts, so a record processed again
 * after an aborted transaction is counted again.
 */
public interface PipelineCounters {

    void deadLetter(DeadLetterReason reason);

    void rejection(RejectionReason reason);

    /** An announcement was read and finished: its receipt, with its actions counted by outcome. */
    void receipt(AnnouncementReceipt receipt);

    /** Counts nothing: for topologies nobody observes. */
    static PipelineCounters none() {
        return new PipelineCounters() {
            @Override
            public void deadLetter(DeadLetterReason reason) {}

            @Override
            public void rejection(RejectionReason reason) {}

            @Override
            public void receipt(AnnouncementReceipt receipt) {}
        };
    }
}
