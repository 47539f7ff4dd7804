package dev.sanctions.core;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectedAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what became of one announcement's actions into its {@link AnnouncementReceipt} (docs/events.md, receipts).
 * The counts are complete; the receipt carries the first {@value #MAX_REJECTIONS} rejections in full, since one
 * announcement can have 200,000 of them and every one is on the rejected topic anyway.
 */
public final class ReceiptTally {
    /** Rejections a receipt carries in full. */
    public static final int MAX_REJECTIONS = 100;

    private final AnnouncementReceipt.Builder receipt;

    private ReceiptTally(AnnouncementReceipt.Builder receipt) {
        this.receipt = receipt;
    }

    /**
     * An empty tally of an announcement (for a snapshot, of its first part) carrying {@code actions} actions (for a
     * snapshot, its entries).
     */
    public static ReceiptTally of(Announcement announcement, int actions) {
        return new ReceiptTally(AnnouncementReceipt.newBuilder()
                .setAnnouncementId(announcement.getAnnouncementId())
                .setAuthority(announcement.getAuthority())
                .setJurisdiction(announcement.getJurisdiction())
                .setList(Intake.listOf(announcement))
                .setPublishedAt(announcement.getPublishedAt())
                .setActions(actions)
                .setDesignated(0)
                .setAmended(0)
                .setDelisted(0)
                .setUnchanged(0)
                .setRejected(0)
                .setRejections(new ArrayList<>()));
    }

    /** The receipt of an announcement refused as a whole (a stray or abandoned snapshot part included). */
    public static AnnouncementReceipt refused(RejectedAction refusal, String list, int actions) {
        return AnnouncementReceipt.newBuilder()
                .setAnnouncementId(refusal.getAnnouncementId())
                .setAuthority(refusal.getAuthority())
                .setJurisdiction(refusal.getJurisdiction())
                .setList(list)
                .setPublishedAt(refusal.getPublishedAt())
                .setActions(actions)
                .setDesignated(0)
                .setAmended(0)
                .setDelisted(0)
                .setUnchanged(0)
                .setRejected(1)
                .setRejections(new ArrayList<>(List.of(refusal)))
                .build();
    }

    /**
     * Continues counting into a receipt built so far (the processor keeps it between the steps of a snapshot). As
     * {@link #receipt()} does, only the list of rejections is copied: the tally shares nothing it changes with
     * {@code sofar} ({@code newBuilder(sofar)} would deep-copy every field and rejection).
     */
    public static ReceiptTally resume(AnnouncementReceipt sofar) {
        return new ReceiptTally(AnnouncementReceipt.newBuilder()
                .setAnnouncementId(sofar.getAnnouncementId())
                .setAuthority(sofar.getAuthority())
                .setJurisdiction(sofar.getJurisdiction())
                .setList(sofar.getList())
                .setPublishedAt(sofar.getPublishedAt())
                .setActions(sofar.getActions())
                .setDesignated(sofar.getDesignated())
                .setAmended(sofar.getAmended())
                .setDelisted(sofar.getDelisted())
                .setUnchanged(sofar.getUnchanged())
                .setRejected(sofar.getRejected())
                .setRejections(new ArrayList<>(sofar.getRejections())));
    }

    public ReceiptTally add(Outcome outcome) {
        if (outcome instanceof Outcome.Changed changed) {
            switch (changed.change().getChangeType()) {
                case DESIGNATED -> receipt.setDesignated(receipt.getDesignated() + 1);
                case AMENDED -> receipt.setAmended(receipt.getAmended() + 1);
                case DELISTED -> receipt.setDelisted(receipt.getDelisted() + 1);
                default ->
                    throw new IllegalStateException(
                            "the fold made a change of type " + changed.change().getChangeType());
            }
        } else if (outcome instanceof Outcome.Unchanged) {
            receipt.setUnchanged(receipt.getUnchanged() + 1);
        } else if (outcome instanceof Outcome.Rejected rejected) {
            receipt.setRejected(receipt.getRejected() + 1);
            if (receipt.getRejections().size() < MAX_REJECTIONS) {
                receipt.getRejections().add(rejected.rejection());
            }
        }
        return this;
    }

    public ReceiptTally addAll(List<Outcome> outcomes) {
        outcomes.forEach(this::add);
        return this;
    }

    /**
     * The receipt so far. It shares nothing the tally goes on changing: the list of rejections is its own, while the
     * rejections in it, like every string and instant, are never changed once counted and are shared. (Avro's deep
     * copy of the whole receipt, which this replaces, was 3-7% of a replay.)
     */
    public AnnouncementReceipt receipt() {
        AnnouncementReceipt built = receipt.build();
        built.setRejections(new ArrayList<>(built.getRejections()));
        return built;
    }
}
