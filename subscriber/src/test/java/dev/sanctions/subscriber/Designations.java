package dev.sanctions.subscriber;

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

/** States and notifications as the processor would write them, for tests. */
final class Designations {

    static final Instant FIRST_DESIGNATED = Instant.parse("2022-04-08T01:00:00Z");

    private Designations() {}

    /** Version {@code version} of {@code AUTHORITY/TARGET}, active with an asset freeze. */
    static DesignationState state(String key, String jurisdiction, long version, String name) {
        String[] parts = key.split("/", 2);
        return DesignationState.newBuilder()
                .setDesignationKey(key)
                .setAuthority(parts[0])
                .setJurisdiction(jurisdiction)
                .setTargetId(parts[1])
                .setStatus(DesignationStatus.ACTIVE)
                .setTarget(Target.newBuilder()
                        .setId(parts[1])
                        .setKind(TargetKind.PERSON)
                        .setName(name)
                        .build())
                .setMeasures(List.of(new Measure(MeasureType.ASSET_FREEZE, null)))
                .setPrograms(List.of("RUSSIA-UKRAINE"))
                .setFirstDesignatedAt(FIRST_DESIGNATED)
                .setLastChangedAt(FIRST_DESIGNATED.plusSeconds(3600 * version))
                .setEffectiveFrom("2022-04-12")
                .setVersion(version)
                .setLastAnnouncementId("a-" + version)
                .build();
    }

    /** The notification that made {@code after}, with the state before it when its version is above 1. */
    static DesignationChange change(DesignationState after) {
        long version = after.getVersion();
        DesignationState before = version == 1
                ? null
                : DesignationState.newBuilder(after).setVersion(version - 1).build();
        return DesignationChange.newBuilder()
                .setChangeId(after.getLastAnnouncementId() + "#0")
                .setDesignationKey(after.getDesignationKey())
                .setAuthority(after.getAuthority())
                .setJurisdiction(after.getJurisdiction())
                .setTargetId(after.getTargetId())
                .setChangeType(version == 1 ? ChangeType.DESIGNATED : ChangeType.AMENDED)
                .setVersion(version)
                .setBefore(before)
                .setAfter(after)
                .setChangedFields(version == 1 ? List.of() : List.of("target.name"))
                .setAnnouncementId(after.getLastAnnouncementId())
                .setPublishedAt(after.getLastChangedAt())
                .setEffectiveFrom(after.getEffectiveFrom())
                .build();
    }

    static DesignationChange change(String key, String jurisdiction, long version) {
        return change(state(key, jurisdiction, version, "Name of " + key + " v" + version));
    }
}
