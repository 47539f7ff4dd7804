package dev.sanctions.processor.topology;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectionReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every count it is given, in order. */
final class RecordingCounters implements PipelineCounters {

    final List<DeadLetterReason> deadLetters = new CopyOnWriteArrayList<>();
    final List<RejectionReason> rejections = new CopyOnWriteArrayList<>();
    final List<AnnouncementReceipt> receipts = new CopyOnWriteArrayList<>();

    @Override
    public void deadLetter(DeadLetterReason reason) {
        deadLetters.add(reason);
    }

    @Override
    public void rejection(RejectionReason reason) {
        rejections.add(reason);
    }

    @Override
    public void receipt(AnnouncementReceipt receipt) {
        receipts.add(receipt);
    }
}
