package dev.sanctions.processor.topology;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.testkit.TestAnnouncementLog;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Builds announcements for the processor's topology tests and integration tests. */
public final class TestAnnouncements {

    static final String AUTHORITY = "JP-MOFA";
    public static final Instant T1 = Instant.parse("2022-04-08T01:00:00Z");
    public static final Instant T2 = Instant.parse("2022-05-10T01:00:00Z");
    public static final Instant T3 = Instant.parse("2022-06-01T01:00:00Z");
    static final Instant T4 = Instant.parse("2022-07-01T01:00:00Z");

    private TestAnnouncements() {}

    public static Announcement announcement(String id, Instant publishedAt, Action... actions) {
        return announcement(AUTHORITY, "JP", id, publishedAt, actions);
    }

    public static Announcement announcement(
            String authority, String jurisdiction, String id, Instant publishedAt, Action... actions) {
        return Announcement.newBuilder()
                .setAnnouncementId(id)
                .setAuthority(authority)
                .setJurisdiction(jurisdiction)
                .setPublishedAt(publishedAt)
                .setEffectiveFrom(publishedAt.toString().substring(0, 10))
                .setTitle("Measures " + id)
                .setLegalBasis("Foreign Exchange and Foreign Trade Act")
                .setSourceUrl("https://www.mofa.go.jp/" + id)
                .setActions(List.of(actions))
                .build();
    }

    public static Action designate(String targetId, String name, MeasureType... measures) {
        return action(
                ActionType.DESIGNATE,
                Target.newBuilder()
                        .setId(targetId)
                        .setKind(TargetKind.PERSON)
                        .setName(name)
                        .build(),
                measures(measures),
                null);
    }

    public static Action amendPosition(String targetId, String position) {
        return action(
                ActionType.AMEND,
                Target.newBuilder().setId(targetId).setPosition(position).build(),
                null,
                null);
    }

    public static Action delist(String targetId, MeasureType... lifted) {
        return action(
                ActionType.DELIST,
                Target.newBuilder().setId(targetId).build(),
                lifted.length == 0 ? null : measures(lifted),
                null);
    }

    static Action action(ActionType type, Target target, List<Measure> measures, List<String> programs) {
        return Action.newBuilder()
                .setAction(type)
                .setTarget(target)
                .setMeasures(measures)
                .setPrograms(programs)
                .build();
    }

    static List<Measure> measures(MeasureType... types) {
        return Arrays.stream(types).map(t -> new Measure(t, null)).toList();
    }

    public static String key(String targetId) {
        return AUTHORITY + "/" + targetId;
    }

    /** A snapshot of {@code list} in one record. */
    public static Announcement snapshot(
            String authority,
            String jurisdiction,
            String id,
            Instant publishedAt,
            String list,
            double maxDelistFraction,
            Action... entries) {
        return Announcement.newBuilder(announcement(authority, jurisdiction, id, publishedAt, entries))
                .setSnapshot(Snapshot.newBuilder()
                        .setList(list)
                        .setMaxDelistFraction(maxDelistFraction)
                        .build())
                .build();
    }

    /** Splits a snapshot into parts as the publisher does: consecutive entries, each part with its firstIndex. */
    public static List<Announcement> parts(Announcement whole, int entriesPerPart) {
        return TestAnnouncementLog.parts(whole, entriesPerPart);
    }
}
