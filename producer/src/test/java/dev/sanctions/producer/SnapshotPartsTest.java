package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.AnnouncementRules;
import dev.sanctions.core.AnnouncementSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class SnapshotPartsTest {
    private static final int PART_BYTES = 16 * 1024;

    static Announcement snapshot(int entries, int nameLength) {
        List<Action> actions = IntStream.range(0, entries)
                .mapToObj(i -> new Action(
                        ActionType.DESIGNATE,
                        Target.newBuilder()
                                .setId("T-" + i)
                                .setKind(TargetKind.PERSON)
                                .setName(("Name " + i + " ").repeat(nameLength).strip())
                                .build(),
                        List.of(new Measure(MeasureType.ASSET_FREEZE, null)),
                        List.of("TEST"),
                        null))
                .toList();
        return Announcement.newBuilder()
                .setAnnouncementId("test-snapshot-1")
                .setAuthority("UN-SC")
                .setJurisdiction("UN")
                .setPublishedAt(Instant.parse("2026-02-27T00:00:00Z"))
                .setEffectiveFrom("2026-02-27")
                .setTitle("A test snapshot")
                .setActions(actions)
                .setList("CONSOLIDATED")
                .setSnapshot(Snapshot.newBuilder().setList("CONSOLIDATED").build())
                .build();
    }

    @Test
    void partsStayUnderTheLimitNumberThemselvesAndKeepEveryEntryInOrder() {
        Announcement whole = snapshot(2_000, 3);
        SnapshotParts plan = SnapshotParts.plan(SnapshotSource.of(whole), PART_BYTES);
        List<Announcement> parts = new ArrayList<>();

        plan.forEachPart(SnapshotSource.of(whole), parts::add);

        assertThat(parts).hasSizeGreaterThan(2).hasSize(plan.parts());
        List<Action> entries = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Announcement part = parts.get(i);
            assertThat(AnnouncementSize.of(part)).isLessThanOrEqualTo(PART_BYTES);
            assertThat(part.getAnnouncementId()).isEqualTo("test-snapshot-1");
            assertThat(part.getSnapshot().getPart()).isEqualTo(i);
            assertThat(part.getSnapshot().getParts()).isEqualTo(parts.size());
            assertThat(part.getSnapshot().getFirstIndex()).isEqualTo(entries.size());
            assertThat(AnnouncementRules.check(part)).isEmpty();
            entries.addAll(part.getActions());
        }
        assertThat(entries).isEqualTo(whole.getActions());
    }

    @Test
    void aSnapshotThatFitsIsOnePart() {
        Announcement small = snapshot(3, 1);
        SnapshotParts plan = SnapshotParts.plan(SnapshotSource.of(small), PART_BYTES);
        List<Announcement> parts = new ArrayList<>();

        plan.forEachPart(SnapshotSource.of(small), parts::add);

        assertThat(parts).singleElement().isEqualTo(small);
    }

    @Test
    void anEntryLargerThanAPartIsRefused() {
        Announcement huge = snapshot(2, 1_000);

        assertThatThrownBy(() -> SnapshotParts.plan(SnapshotSource.of(huge), 4 * 1024))
                .isInstanceOf(InvalidAnnouncementsException.class)
                .hasMessageContaining("actions[0]: the entry is");
    }

    @Test
    void sizesTheSourceKnowsSplitItAsMeasuringWould() {
        Announcement whole = snapshot(2_000, 3);
        SnapshotParts measured = SnapshotParts.plan(SnapshotSource.of(whole), PART_BYTES);
        List<Announcement> expected = new ArrayList<>();
        measured.forEachPart(SnapshotSource.of(whole), expected::add);
        SnapshotSource known = knowingSizes(whole, false);

        SnapshotParts planned = SnapshotParts.plan(known, PART_BYTES);
        List<Announcement> parts = new ArrayList<>();
        planned.forEachPart(known, parts::add);

        assertThat(planned.parts()).isGreaterThan(2).isEqualTo(measured.parts());
        assertThat(parts).isEqualTo(expected);
    }

    @Test
    void knownSizesAreNotMeasuredAgain() {
        SnapshotSource known = knowingSizes(snapshot(100, 1), true);

        assertThat(SnapshotParts.plan(known, PART_BYTES).entries()).isEqualTo(100);
    }

    @Test
    void anEntryLargerThanAPartIsRefusedByItsKnownSize() {
        assertThatThrownBy(() -> SnapshotParts.plan(knowingSizes(snapshot(2, 1_000), true), 4 * 1024))
                .isInstanceOf(InvalidAnnouncementsException.class)
                .hasMessageContaining("actions[0]: the entry is");
    }

    /** The snapshot as a source that knows its entries' encoded sizes; one that refuses to be read when told. */
    private static SnapshotSource knowingSizes(Announcement whole, boolean unreadable) {
        int[] sizes = whole.getActions().stream()
                .mapToInt(SnapshotPartsTest::encodedSize)
                .toArray();
        SnapshotSource entries = SnapshotSource.of(whole);
        return SnapshotSource.of(
                entries::header,
                entry -> {
                    if (unreadable) {
                        throw new AssertionError("the entries were read to measure them");
                    }
                    entries.forEachEntry(entry);
                },
                () -> Optional.of(sizes));
    }

    private static int encodedSize(Action action) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<>(Action.class).write(action, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    @Test
    void aSourceThatChangedBetweenTheReadsIsNoticed() {
        SnapshotParts plan = SnapshotParts.plan(SnapshotSource.of(snapshot(100, 1)), PART_BYTES);

        assertThatThrownBy(() -> plan.forEachPart(SnapshotSource.of(snapshot(99, 1)), part -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fewer entries");
    }
}
