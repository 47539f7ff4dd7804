package dev.sanctions.processor;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A log of announcements that is the same for the same seed: several authorities, each designating, amending and
 * delisting a small pool of targets so that keys reach many versions, with some actions the fold rejects (an
 * amendment of a target never designated, a re-used announcement id) so that the rejected topic is exercised too.
 * {@code publishedAt} only increases; no wall clock reaches it.
 */
final class SeededLog {

    /** Authority and its jurisdiction: each has its own change topic. */
    record Authority(String code, String jurisdiction) {}

    static final List<Authority> AUTHORITIES = List.of(
            new Authority("JP-MOFA", "JP"),
            new Authority("US-OFAC", "US"),
            new Authority("GB-OFSI", "GB"),
            new Authority("EU-COUNCIL", "EU"));

    private static final Instant EPOCH = Instant.parse("2022-02-24T00:00:00Z");
    private static final int TARGETS_PER_AUTHORITY = 40;
    private static final List<MeasureType> MEASURES =
            List.of(MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN, MeasureType.EXPORT_BAN);

    private SeededLog() {}

    static List<String> jurisdictions() {
        return AUTHORITIES.stream().map(Authority::jurisdiction).toList();
    }

    /** {@code size} announcements of one to three actions each. */
    static List<Announcement> of(long seed, int size) {
        Random random = new Random(seed);
        List<Announcement> log = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Authority authority = AUTHORITIES.get(random.nextInt(AUTHORITIES.size()));
            Instant publishedAt = EPOCH.plus(Duration.ofHours(i));
            // One in fifty re-uses an id its authority may already have used: refused whole at intake.
            String id = authority.code().toLowerCase(Locale.ROOT) + "-"
                    + (random.nextInt(50) == 0 && i > 0 ? random.nextInt(i) : i);
            List<Action> actions = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int a = 0; a < count; a++) {
                actions.add(action(random, i));
            }
            log.add(Announcement.newBuilder()
                    .setAnnouncementId(id)
                    .setAuthority(authority.code())
                    .setJurisdiction(authority.jurisdiction())
                    .setPublishedAt(publishedAt)
                    .setEffectiveFrom(publishedAt.toString().substring(0, 10))
                    .setTitle("Measures " + id)
                    .setLegalBasis("Sanctions Act")
                    .setSourceUrl(null)
                    .setActions(actions)
                    .build());
        }
        return log;
    }

    /** Designations half the time, so most amendments and delistings find their target designated. */
    private static Action action(Random random, int announcement) {
        String targetId = "T-" + random.nextInt(TARGETS_PER_AUTHORITY);
        int roll = random.nextInt(10);
        if (roll < 5) {
            return Action.newBuilder()
                    .setAction(ActionType.DESIGNATE)
                    .setTarget(Target.newBuilder()
                            .setId(targetId)
                            .setKind(TargetKind.PERSON)
                            .setName("Person " + announcement)
                            .build())
                    .setMeasures(measures(random))
                    .build();
        }
        if (roll < 8) {
            return Action.newBuilder()
                    .setAction(ActionType.AMEND)
                    .setTarget(Target.newBuilder()
                            .setId(targetId)
                            .setPosition("Position " + announcement)
                            .build())
                    .build();
        }
        return Action.newBuilder()
                .setAction(ActionType.DELIST)
                .setTarget(Target.newBuilder().setId(targetId).build())
                .setMeasures(random.nextBoolean() ? null : List.of(new Measure(pick(random), null)))
                .build();
    }

    private static List<Measure> measures(Random random) {
        List<Measure> measures = new ArrayList<>();
        for (MeasureType type : MEASURES) {
            if (measures.isEmpty() && type == MEASURES.get(MEASURES.size() - 1) || random.nextBoolean()) {
                measures.add(new Measure(type, null));
            }
        }
        return measures;
    }

    private static MeasureType pick(Random random) {
        return MEASURES.get(random.nextInt(MEASURES.size()));
    }
}
