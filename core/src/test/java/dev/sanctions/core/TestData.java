package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds announcements and expected states so that fold tests read like the table of docs/events.md. */
final class TestData {
    static final String AUTHORITY = "JP-MOFA";
    static final Instant T1 = Instant.parse("2022-04-08T01:00:00Z");
    static final Instant T2 = Instant.parse("2022-05-10T01:00:00Z");
    static final Instant T3 = Instant.parse("2022-06-01T01:00:00Z");

    private TestData() {}

    static AnnouncementBuilder announcement(String id) {
        return new AnnouncementBuilder(id);
    }

    static ActionBuilder designate(String targetId) {
        return new ActionBuilder(ActionType.DESIGNATE, targetId);
    }

    /** A minimal valid DESIGNATE: a person with a name and an asset freeze. */
    static ActionBuilder designatePerson(String targetId, String name) {
        return designate(targetId).kind(TargetKind.PERSON).name(name).measures(MeasureType.ASSET_FREEZE);
    }

    static ActionBuilder amend(String targetId) {
        return new ActionBuilder(ActionType.AMEND, targetId);
    }

    static ActionBuilder delist(String targetId) {
        return new ActionBuilder(ActionType.DELIST, targetId);
    }

    static Measure measure(MeasureType type) {
        return new Measure(type, null);
    }

    static Measure measure(MeasureType type, String detail) {
        return new Measure(type, detail);
    }

    static Identifier identifier(String type, String value, String country) {
        return new Identifier(type, value, country);
    }

    static Address address(String text, String country) {
        return new Address(text, country);
    }

    static String key(String targetId) {
        return AUTHORITY + "/" + targetId;
    }

    static Target.Builder target(String targetId) {
        return Target.newBuilder().setId(targetId);
    }

    /**
     * The state an announcement's change would leave: provenance from the announcement, ACTIVE, version 1, first
     * designated at its publishedAt, no measures or programs. Tests override what the row under test decides.
     */
    static DesignationState.Builder expectedState(Announcement changedBy, Target target) {
        return DesignationState.newBuilder()
                .setDesignationKey(key(target.getId()))
                .setAuthority(changedBy.getAuthority())
                .setJurisdiction(changedBy.getJurisdiction())
                .setTargetId(target.getId())
                .setStatus(DesignationStatus.ACTIVE)
                .setTarget(target)
                .setMeasures(List.of())
                .setPrograms(List.of())
                .setFirstDesignatedAt(changedBy.getPublishedAt())
                .setLastChangedAt(changedBy.getPublishedAt())
                .setEffectiveFrom(changedBy.getEffectiveFrom())
                .setVersion(1L)
                .setLastAnnouncementId(changedBy.getAnnouncementId())
                .setLegalBasis(changedBy.getLegalBasis())
                .setSourceUrl(changedBy.getSourceUrl());
    }

    /** The notification the fold should emit for action #index of the announcement. */
    static DesignationChange expectedChange(
            Announcement a,
            int index,
            ChangeType type,
            DesignationState before,
            DesignationState after,
            String... changedFields) {
        return DesignationChange.newBuilder()
                .setChangeId(a.getAnnouncementId() + "#" + index)
                .setDesignationKey(after.getDesignationKey())
                .setAuthority(a.getAuthority())
                .setJurisdiction(a.getJurisdiction())
                .setTargetId(after.getTargetId())
                .setChangeType(type)
                .setVersion(after.getVersion())
                .setBefore(before)
                .setAfter(after)
                .setChangedFields(List.of(changedFields))
                .setAnnouncementId(a.getAnnouncementId())
                .setPublishedAt(a.getPublishedAt())
                .setEffectiveFrom(a.getEffectiveFrom())
                .build();
    }

    /** The rejection the fold should emit for action #index of the announcement. */
    static RejectedAction expectedRejection(
            Announcement a, Integer index, ActionType type, String key, RejectionReason reason, String message) {
        return RejectedAction.newBuilder()
                .setAnnouncementId(a.getAnnouncementId())
                .setAuthority(a.getAuthority())
                .setJurisdiction(a.getJurisdiction())
                .setPublishedAt(a.getPublishedAt())
                .setActionIndex(index)
                .setAction(type)
                .setDesignationKey(key)
                .setReason(reason)
                .setMessage(message)
                .build();
    }

    /** Folds the announcements in order and returns the state of the key they leave. */
    static DesignationState stateAfter(String targetId, Announcement... announcements) {
        LogFold fold = new LogFold();
        for (Announcement a : announcements) {
            fold.apply(a);
        }
        return fold.state(key(targetId)).orElseThrow();
    }

    static final class AnnouncementBuilder {
        private final Announcement.Builder b;
        private final List<Action> actions = new ArrayList<>();

        private AnnouncementBuilder(String id) {
            b = Announcement.newBuilder()
                    .setAnnouncementId(id)
                    .setAuthority(AUTHORITY)
                    .setJurisdiction("JP")
                    .setPublishedAt(T1)
                    .setEffectiveFrom("2022-04-12")
                    .setTitle("Measures related to Russia")
                    .setLegalBasis("Foreign Exchange and Foreign Trade Act")
                    .setSourceUrl("https://www.mofa.go.jp/" + id);
        }

        AnnouncementBuilder authority(String authority) {
            b.setAuthority(authority);
            return this;
        }

        AnnouncementBuilder jurisdiction(String jurisdiction) {
            b.setJurisdiction(jurisdiction);
            return this;
        }

        AnnouncementBuilder publishedAt(Instant publishedAt) {
            b.setPublishedAt(publishedAt);
            return this;
        }

        AnnouncementBuilder effectiveFrom(String effectiveFrom) {
            b.setEffectiveFrom(effectiveFrom);
            return this;
        }

        AnnouncementBuilder title(String title) {
            b.setTitle(title);
            return this;
        }

        AnnouncementBuilder legalBasis(String legalBasis) {
            b.setLegalBasis(legalBasis);
            return this;
        }

        AnnouncementBuilder sourceUrl(String sourceUrl) {
            b.setSourceUrl(sourceUrl);
            return this;
        }

        AnnouncementBuilder list(String list) {
            b.setList(list);
            return this;
        }

        /** A snapshot of {@code list} in one record. */
        AnnouncementBuilder snapshot(String list, double maxDelistFraction) {
            b.setSnapshot(Snapshot.newBuilder()
                    .setList(list)
                    .setMaxDelistFraction(maxDelistFraction)
                    .build());
            return this;
        }

        AnnouncementBuilder actions(ActionBuilder... more) {
            Arrays.stream(more).map(ActionBuilder::build).forEach(actions::add);
            return this;
        }

        AnnouncementBuilder actions(List<Action> more) {
            actions.addAll(more);
            return this;
        }

        Announcement build() {
            return b.setActions(new ArrayList<>(actions)).build();
        }
    }

    static final class ActionBuilder {
        private final ActionType type;
        private final Target.Builder target;
        private List<Measure> measures;
        private List<String> programs;

        private ActionBuilder(ActionType type, String targetId) {
            this.type = type;
            this.target = Target.newBuilder().setId(targetId);
        }

        ActionBuilder kind(TargetKind kind) {
            target.setKind(kind);
            return this;
        }

        ActionBuilder name(String name) {
            target.setName(name);
            return this;
        }

        ActionBuilder aliases(String... aliases) {
            target.setAliases(new ArrayList<>(List.of(aliases)));
            return this;
        }

        ActionBuilder birthDates(String... dates) {
            target.setBirthDates(new ArrayList<>(List.of(dates)));
            return this;
        }

        ActionBuilder nationalities(String... codes) {
            target.setNationalities(new ArrayList<>(List.of(codes)));
            return this;
        }

        ActionBuilder position(String position) {
            target.setPosition(position);
            return this;
        }

        ActionBuilder identifiers(Identifier... identifiers) {
            target.setIdentifiers(new ArrayList<>(List.of(identifiers)));
            return this;
        }

        ActionBuilder addresses(Address... addresses) {
            target.setAddresses(new ArrayList<>(List.of(addresses)));
            return this;
        }

        ActionBuilder birthPlaces(String... places) {
            target.setBirthPlaces(new ArrayList<>(List.of(places)));
            return this;
        }

        ActionBuilder listedOn(String date) {
            target.setListedOn(date);
            return this;
        }

        ActionBuilder remarks(String remarks) {
            target.setRemarks(remarks);
            return this;
        }

        ActionBuilder measures(MeasureType... types) {
            measures =
                    new ArrayList<>(Arrays.stream(types).map(TestData::measure).toList());
            return this;
        }

        ActionBuilder measures(Measure... given) {
            measures = new ArrayList<>(List.of(given));
            return this;
        }

        ActionBuilder noMeasures() {
            measures = new ArrayList<>();
            return this;
        }

        ActionBuilder programs(String... given) {
            programs = new ArrayList<>(List.of(given));
            return this;
        }

        Action build() {
            return Action.newBuilder()
                    .setAction(type)
                    .setTarget(target.build())
                    .setMeasures(measures)
                    .setPrograms(programs)
                    .build();
        }
    }
}
