package dev.sanctions.testkit;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.time.Instant;
import java.util.List;

/** Small, fully populated records of the v1 schemas. */
final class Samples {
    static final Instant PUBLISHED_AT = Instant.parse("2022-04-08T01:00:00Z");

    private Samples() {}

    static Target target() {
        return Target.newBuilder()
                .setId("RU-0001")
                .setKind(TargetKind.PERSON)
                .setName("Ivan Example")
                .setAliases(List.of("I. Example"))
                .setBirthDates(List.of("1976-10-05"))
                .setNationalities(List.of("RU"))
                .build();
    }

    static Measure assetFreeze() {
        return Measure.newBuilder()
                .setType(MeasureType.ASSET_FREEZE)
                .setDetail(null)
                .build();
    }

    static Announcement announcement() {
        return Announcement.newBuilder()
                .setAnnouncementId("JP-MOFA-2022-04-08")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setPublishedAt(PUBLISHED_AT)
                .setEffectiveFrom("2022-04-08")
                .setTitle("Asset freeze on 1 individual")
                .setActions(List.of(Action.newBuilder()
                        .setAction(ActionType.DESIGNATE)
                        .setTarget(target())
                        .setMeasures(List.of(assetFreeze()))
                        .setPrograms(List.of("RUSSIA"))
                        .build()))
                .build();
    }

    static DesignationChange designationChange() {
        DesignationState after = DesignationState.newBuilder()
                .setDesignationKey("JP-MOFA/RU-0001")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setTargetId("RU-0001")
                .setStatus(DesignationStatus.ACTIVE)
                .setTarget(target())
                .setMeasures(List.of(assetFreeze()))
                .setPrograms(List.of("RUSSIA"))
                .setFirstDesignatedAt(PUBLISHED_AT)
                .setLastChangedAt(PUBLISHED_AT)
                .setEffectiveFrom("2022-04-08")
                .setVersion(1L)
                .setLastAnnouncementId("JP-MOFA-2022-04-08")
                .build();
        return DesignationChange.newBuilder()
                .setChangeId("JP-MOFA-2022-04-08#0")
                .setDesignationKey("JP-MOFA/RU-0001")
                .setAuthority("JP-MOFA")
                .setJurisdiction("JP")
                .setTargetId("RU-0001")
                .setChangeType(ChangeType.DESIGNATED)
                .setVersion(1L)
                .setAfter(after)
                .setChangedFields(List.of("status", "measures"))
                .setAnnouncementId("JP-MOFA-2022-04-08")
                .setPublishedAt(PUBLISHED_AT)
                .setEffectiveFrom("2022-04-08")
                .build();
    }
}
