package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fold of docs/events.md: one action applied to one designation's state. Pure and deterministic (no clock, no
 * hash order); never mutates its inputs, and a result shares no mutable object with the action.
 *
 * <p>Callers first pass the announcement through {@link Intake#admit}, then apply its actions in order, each to
 * the state its {@link DesignationKeys#forAction key} holds at that moment.
 */
public final class Fold {
    private Fold() {}

    /**
     * Applies action #actionIndex of the announcement to the designation's state ({@code before}; null = none).
     * The announcement is assumed admitted by {@link Intake#admit}.
     *
     * @throws IllegalArgumentException if the index is out of range or {@code before} is another designation's state
     */
    public static Outcome apply(DesignationState before, Announcement announcement, int actionIndex) {
        List<Action> actions = announcement.getActions();
        if (actions == null || actionIndex < 0 || actionIndex >= actions.size()) {
            throw new IllegalArgumentException(
                    "no action #" + actionIndex + " in announcement " + announcement.getAnnouncementId());
        }
        return apply(before, Intake.announced(announcement, actionIndex));
    }

    /**
     * Applies one action, carrying its announcement's provenance, to the designation's state ({@code before}; null =
     * none).
     *
     * @throws IllegalArgumentException if {@code before} is another designation's state
     */
    public static Outcome apply(DesignationState before, AnnouncedAction announced) {
        Action action = announced.getAction();
        String key = DesignationKeys.forAction(announced).orElse(null);
        List<Violation> violations = AnnouncementRules.checkAction(action, announced.getActionIndex());
        if (!violations.isEmpty()) {
            return Rejections.invalidAction(announced, key, violations);
        }
        if (before != null && !before.getDesignationKey().equals(key)) {
            throw new IllegalArgumentException(
                    "state of " + before.getDesignationKey() + " given for an action on " + key);
        }
        Step step = new Step(before, announced, action, key, false);
        return switch (action.getAction()) {
            case DESIGNATE -> step.designate();
            case AMEND -> step.amend();
            case DELIST -> step.delist();
            case UNKNOWN -> throw new IllegalStateException("the rules let an UNKNOWN action through");
        };
    }

    /**
     * Applies one entry of a snapshot (docs/events.md, full-list snapshots) to the designation's state ({@code
     * before}; null = none): a first designation or a relisting as a DESIGNATE; on an ACTIVE designation the entry
     * is complete, so target, measures, programs and list are replaced by the entry's (a field absent from the
     * entry becomes null), and the change counts when any of them differs, the list included.
     *
     * @throws IllegalArgumentException if {@code before} is another designation's state
     */
    public static Outcome applyEntry(DesignationState before, AnnouncedAction entry) {
        Action action = entry.getAction();
        String key = DesignationKeys.forAction(entry).orElse(null);
        List<Violation> violations = AnnouncementRules.checkAction(action, entry.getActionIndex());
        if (!violations.isEmpty()) {
            return Rejections.invalidAction(entry, key, violations);
        }
        if (before != null && !before.getDesignationKey().equals(key)) {
            throw new IllegalArgumentException(
                    "state of " + before.getDesignationKey() + " given for an entry on " + key);
        }
        Step step = new Step(before, entry, action, key, true);
        if (before == null || step.status() != DesignationStatus.ACTIVE) {
            return step.designate();
        }
        return step.changedIfDifferent(
                DesignationStatus.ACTIVE,
                Targets.copyOf(action.getTarget()),
                Canonical.measures(action.getMeasures()),
                Canonical.programs(action.getPrograms()),
                ChangeType.AMENDED);
    }

    /**
     * One action on one state: the rows of the table in docs/events.md. {@code snapshotEntry}: the list is judged
     * as part of the content.
     */
    private record Step(
            DesignationState before, AnnouncedAction announced, Action action, String key, boolean snapshotEntry) {

        Outcome designate() {
            if (before == null) {
                DesignationState after = newState(
                        DesignationStatus.ACTIVE,
                        Targets.copyOf(action.getTarget()),
                        Canonical.measures(action.getMeasures()),
                        Canonical.programs(action.getPrograms()),
                        announced.getPublishedAt(),
                        1L);
                return changed(after, ChangeType.DESIGNATED);
            }
            return switch (status()) {
                case DELISTED ->
                    changed(
                            newState(
                                    DesignationStatus.ACTIVE,
                                    Targets.copyOf(action.getTarget()),
                                    Canonical.measures(action.getMeasures()),
                                    Canonical.programs(action.getPrograms())),
                            ChangeType.DESIGNATED);
                case ACTIVE -> designateActive();
                default -> throw unexpectedStatus();
            };
        }

        /** Lists are unioned, so the state may outgrow the list limit that each action keeps. */
        private Outcome designateActive() {
            Target target = Targets.union(before.getTarget(), action.getTarget());
            List<Measure> measures = Canonical.measures(before.getMeasures(), action.getMeasures());
            List<String> programs = Canonical.programs(before.getPrograms(), action.getPrograms());
            List<Violation> tooLarge = SizeLimits.checkUnion(
                    target, measures, programs, Path.of("actions").at(announced.getActionIndex()));
            if (!tooLarge.isEmpty()) {
                return Rejections.invalidAction(announced, key, tooLarge);
            }
            return changedIfDifferent(DesignationStatus.ACTIVE, target, measures, programs, ChangeType.AMENDED);
        }

        Outcome amend() {
            if (before == null) {
                return Rejections.unknownDesignation(announced, key);
            }
            return switch (status()) {
                case DELISTED -> Rejections.notActive(announced, key);
                case ACTIVE ->
                    changedIfDifferent(
                            DesignationStatus.ACTIVE,
                            Targets.replace(before.getTarget(), action.getTarget()),
                            Canonical.measures(
                                    action.getMeasures() != null ? action.getMeasures() : before.getMeasures()),
                            Canonical.programs(
                                    action.getPrograms() != null ? action.getPrograms() : before.getPrograms()),
                            ChangeType.AMENDED);
                default -> throw unexpectedStatus();
            };
        }

        Outcome delist() {
            if (before == null) {
                return Rejections.unknownDesignation(announced, key);
            }
            return switch (status()) {
                case DELISTED -> Rejections.alreadyDelisted(announced, key);
                case ACTIVE -> delistActive();
                default -> throw unexpectedStatus();
            };
        }

        private Outcome delistActive() {
            Target target = Targets.copyOf(before.getTarget());
            List<String> programs = Canonical.programs(before.getPrograms());
            List<Measure> lifting = action.getMeasures();
            if (lifting == null || lifting.isEmpty()) {
                return changed(newState(DesignationStatus.DELISTED, target, List.of(), programs), ChangeType.DELISTED);
            }
            Set<MeasureType> liftedTypes = EnumSet.noneOf(MeasureType.class);
            lifting.forEach(m -> liftedTypes.add(m.getType()));
            List<Measure> current = Canonical.measures(before.getMeasures());
            List<Measure> remaining = current.stream()
                    .filter(m -> !liftedTypes.contains(m.getType()))
                    .toList();
            // "If none remain, as the row above": checked first, so an ACTIVE designation left without measures (by an
            // AMEND) is delisted even though nothing was lifted.
            if (remaining.isEmpty()) {
                return changed(newState(DesignationStatus.DELISTED, target, List.of(), programs), ChangeType.DELISTED);
            }
            if (remaining.size() == current.size()) {
                return new Outcome.Unchanged();
            }
            return changed(newState(DesignationStatus.ACTIVE, target, remaining, programs), ChangeType.AMENDED);
        }

        private Outcome changedIfDifferent(
                DesignationStatus status,
                Target target,
                List<Measure> measures,
                List<String> programs,
                ChangeType type) {
            boolean same = status == before.getStatus()
                    && (!snapshotEntry || Objects.equals(list(), before.getList()))
                    && TargetContent.same(target, before.getTarget())
                    && measures.equals(before.getMeasures())
                    && programs.equals(before.getPrograms());
            return same ? new Outcome.Unchanged() : changed(newState(status, target, measures, programs), type);
        }

        private DesignationState newState(
                DesignationStatus status, Target target, List<Measure> measures, List<String> programs) {
            return newState(status, target, measures, programs, before.getFirstDesignatedAt(), before.getVersion() + 1);
        }

        private DesignationState newState(
                DesignationStatus status,
                Target target,
                List<Measure> measures,
                List<String> programs,
                Instant firstDesignatedAt,
                long version) {
            // Constructors rather than builders here and in changed(): the fold makes one of each per change.
            return new DesignationState(
                    key,
                    announced.getAuthority(),
                    announced.getJurisdiction(),
                    action.getTarget().getId(),
                    status,
                    target,
                    List.copyOf(measures),
                    List.copyOf(programs),
                    firstDesignatedAt,
                    announced.getPublishedAt(),
                    announced.getEffectiveFrom(),
                    version,
                    announced.getAnnouncementId(),
                    announced.getLegalBasis(),
                    announced.getSourceUrl(),
                    list());
        }

        /**
         * The list of the last change that gave one: the announcement's, else the stored one. Only a snapshot entry
         * judges it (an ordinary action that gives only another list changes nothing), since an ordinary
         * announcement's list is provenance, while a snapshot states what the list holds.
         */
        private String list() {
            if (announced.getList() != null) {
                return announced.getList();
            }
            return before == null ? null : before.getList();
        }

        private Outcome.Changed changed(DesignationState after, ChangeType type) {
            DesignationChange change = new DesignationChange(
                    announced.getAnnouncementId() + "#" + announced.getActionIndex(),
                    key,
                    announced.getAuthority(),
                    announced.getJurisdiction(),
                    after.getTargetId(),
                    type,
                    after.getVersion(),
                    before,
                    after,
                    before == null ? List.of() : List.copyOf(ChangedFields.between(before, after)),
                    announced.getAnnouncementId(),
                    announced.getPublishedAt(),
                    announced.getEffectiveFrom());
            return new Outcome.Changed(after, change);
        }

        private DesignationStatus status() {
            return Objects.requireNonNull(before.getStatus(), "status");
        }

        private IllegalStateException unexpectedStatus() {
            return new IllegalStateException("state of " + key + " has status " + before.getStatus()
                    + "; only ACTIVE and DELISTED are ever stored");
        }
    }
}
