package dev.sanctions.core;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the parts of a large snapshot come together (docs/events.md, full-list snapshots). The publisher sends the parts
 * of one snapshot consecutively, in order, in one transaction, so per authority at most one snapshot is being
 * received at a time. A part that is not the expected next one ends the snapshot being received: it is refused as
 * incomplete (one {@code INVALID_ACTION} rejection of the whole), and the new record is judged on its own. The
 * snapshot counts only once its last part is in: the caller buffers the parts and then applies the whole with
 * {@link SnapshotRun}. Pure: the processor keeps {@link Pending} and the parts in its stores, {@link LogFold} in
 * memory.
 */
public final class SnapshotAssembly {
    private SnapshotAssembly() {}

    /**
     * The snapshot one authority is receiving.
     *
     * @param nextPart the part expected next
     * @param entries entries received so far, which is also the {@code firstIndex} the next part must carry
     * @param problem the rule violations found in the parts so far ({@code path: message; ...}), or null
     */
    public record Pending(
            String announcementId,
            String authority,
            String jurisdiction,
            Instant publishedAt,
            String list,
            int parts,
            int nextPart,
            int entries,
            String problem) {
        public Pending {
            Objects.requireNonNull(announcementId, "announcementId");
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(publishedAt, "publishedAt");
        }

        /** Every part is in. */
        public boolean complete() {
            return nextPart == parts;
        }

        boolean expects(Announcement record) {
            Snapshot s = record.getSnapshot();
            return s != null
                    && announcementId.equals(record.getAnnouncementId())
                    && publishedAt.equals(record.getPublishedAt())
                    && Objects.equals(list, s.getList())
                    && s.getParts() == parts
                    && s.getPart() == nextPart;
        }
    }

    /** What the record is. */
    public enum Kind {
        /** Not a part of a larger snapshot: an ordinary announcement, or a snapshot in one record. */
        WHOLE,
        /** The first part of a larger snapshot: buffer it; {@link Arrival#pending} is new. */
        FIRST_PART,
        /** A later part: buffer it; when {@link Arrival#pending} is {@link Pending#complete()}, apply the snapshot. */
        NEXT_PART,
        /** A later part without the parts before it: refused ({@link Arrival#refused}), nothing buffered. */
        STRAY_PART
    }

    /**
     * @param abandoned the refusal of the snapshot that was being received and that this record ends (its buffered
     *     parts are to be dropped), or null
     * @param pending the snapshot being received after this record, or null when none is
     * @param refused the refusal of this record ({@link Kind#STRAY_PART}), or null
     */
    public record Arrival(RejectedAction abandoned, Kind kind, Pending pending, RejectedAction refused) {}

    /** Judges one record of an authority, given the snapshot that authority is receiving ({@code null}: none). */
    public static Arrival arrive(Pending pending, Announcement record) {
        if (pending != null && pending.expects(record)) {
            int firstIndex = record.getSnapshot().getFirstIndex();
            String problem = problems(
                    pending.problem(),
                    record,
                    firstIndex == pending.entries()
                            ? null
                            : "snapshot.firstIndex: must be " + pending.entries() + " (the entries before this part),"
                                    + " got " + firstIndex);
            Pending next = new Pending(
                    pending.announcementId(),
                    pending.authority(),
                    pending.jurisdiction(),
                    pending.publishedAt(),
                    pending.list(),
                    pending.parts(),
                    pending.nextPart() + 1,
                    pending.entries() + size(record),
                    problem);
            return new Arrival(null, Kind.NEXT_PART, next, null);
        }
        RejectedAction abandoned = pending == null
                ? null
                : Rejections.incompleteSnapshot(
                        pending, "before announcement " + record.getAnnouncementId() + " of the same authority");
        Snapshot s = record.getSnapshot();
        if (s == null || s.getParts() <= 1 || s.getPart() < 0 || s.getPart() >= s.getParts()) {
            // A snapshot in one record, or one whose part numbers break the rules, which the rules then refuse.
            return new Arrival(abandoned, Kind.WHOLE, null, null);
        }
        if (s.getPart() > 0) {
            return new Arrival(abandoned, Kind.STRAY_PART, null, Rejections.strayPart(record));
        }
        String problem = problems(
                null,
                record,
                s.getFirstIndex() == 0 ? null : "snapshot.firstIndex: must be 0 in part 0, got " + s.getFirstIndex());
        Pending first = new Pending(
                record.getAnnouncementId(),
                record.getAuthority(),
                record.getJurisdiction(),
                record.getPublishedAt(),
                s.getList(),
                s.getParts(),
                1,
                size(record),
                problem);
        return new Arrival(abandoned, Kind.FIRST_PART, first, null);
    }

    /**
     * The refusal of a complete snapshot by the announcement's rules, checked on each part as it came (a duplicate id
     * is checked first, by the caller, with {@link Intake#refusal}); null when it may be applied.
     */
    public static RejectedAction refusal(Pending complete, Announcement firstPart) {
        return complete.problem() == null ? null : Rejections.invalidSnapshotPart(firstPart, complete.problem());
    }

    private static String problems(String earlier, Announcement part, String placement) {
        List<Violation> violations = AnnouncementRules.checkAnnouncementFields(part);
        StringBuilder all = new StringBuilder(earlier == null ? "" : earlier);
        String prefix = "part " + part.getSnapshot().getPart() + ": ";
        String found = violations.stream().map(v -> prefix + v).collect(Collectors.joining("; "));
        for (String problem : new String[] {found, placement == null ? "" : prefix + placement}) {
            if (!problem.isEmpty()) {
                all.append(all.length() == 0 ? "" : "; ").append(problem);
            }
        }
        // Capped: a snapshot of many broken parts must not grow the pending record without bound.
        String text = all.toString();
        return text.isEmpty() ? null : text.substring(0, Math.min(text.length(), Rejections.MAX_MESSAGE));
    }

    private static int size(Announcement record) {
        return record.getActions() == null ? 0 : record.getActions().size();
    }
}
