package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.RejectedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The announcement-level half of the fold: dedupe and the announcement's own rules, then the split into actions
 * that each carry the announcement's provenance. {@link Fold} applies those actions one by one.
 */
public final class Intake {
    private Intake() {}

    /**
     * Refused with {@code DUPLICATE_ANNOUNCEMENT} when the authority already used this id; else refused with one
     * {@code INVALID_ACTION} (actionIndex null) listing the announcement-level violations; else accepted as its
     * actions. The caller records the id as used only when accepted.
     */
    public static Admission admit(Announcement announcement, boolean idAlreadyUsed) {
        if (idAlreadyUsed) {
            return new Admission.Refused(Rejections.duplicate(announcement));
        }
        List<Violation> violations = AnnouncementRules.checkAnnouncementFields(announcement);
        if (!violations.isEmpty()) {
            return new Admission.Refused(Rejections.invalidAnnouncement(announcement, violations));
        }
        List<AnnouncedAction> actions =
                new ArrayList<>(announcement.getActions().size());
        for (int i = 0; i < announcement.getActions().size(); i++) {
            actions.add(announced(announcement, i));
        }
        return new Admission.Accepted(actions);
    }

    /**
     * The rejection of the whole announcement by the checks of {@link #admit} (a duplicate id, then the announcement's
     * own rules), or empty when it may be applied. For a snapshot, which is applied by {@link SnapshotRun} rather than
     * split into actions here.
     */
    public static Optional<RejectedAction> refusal(Announcement announcement, boolean idAlreadyUsed) {
        if (idAlreadyUsed) {
            return Optional.of(Rejections.duplicate(announcement));
        }
        List<Violation> violations = AnnouncementRules.checkAnnouncementFields(announcement);
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(Rejections.invalidAnnouncement(announcement, violations));
    }

    /**
     * Refused with {@code MISROUTED}: the announcement arrived where its authority's order and used ids are not kept
     * ({@code problem} says where and why), so it is judged on nothing else and its id stays unused.
     */
    public static Admission.Refused refuseMisrouted(Announcement announcement, String problem) {
        return new Admission.Refused(Rejections.misrouted(announcement, problem));
    }

    /** Action #index with its announcement's provenance; shares the action object, which the fold never mutates. */
    static AnnouncedAction announced(Announcement announcement, int index) {
        return announced(announcement, index, announcement.getActions().get(index));
    }

    /**
     * An action with the provenance of {@code announcement} (for a snapshot, of its first part) and its index in the
     * whole announcement; the list is the announcement's, or its snapshot's.
     */
    static AnnouncedAction announced(Announcement announcement, int index, Action action) {
        // The all-arguments constructor rather than the builder: this runs for every action of every announcement.
        return new AnnouncedAction(
                announcement.getAnnouncementId(),
                announcement.getAuthority(),
                announcement.getJurisdiction(),
                announcement.getPublishedAt(),
                announcement.getEffectiveFrom(),
                announcement.getLegalBasis(),
                announcement.getSourceUrl(),
                index,
                action,
                listOf(announcement));
    }

    /** The list an announcement concerns: its snapshot's, else its own {@code list} (null when it names none). */
    public static String listOf(Announcement announcement) {
        return announcement.getSnapshot() != null ? announcement.getSnapshot().getList() : announcement.getList();
    }
}
