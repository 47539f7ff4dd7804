package dev.sanctions.core;

import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.designatePerson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Both sides of every size limit, and the bound they give the records the pipeline writes. */
class SizeLimitsTest {

    private static final int TEXT = SizeLimits.MAX_TEXT;
    private static final int LONG_TEXT = SizeLimits.MAX_LONG_TEXT;
    private static final int ENTRIES = SizeLimits.MAX_ENTRIES;
    /** Entries of MAX_TEXT characters that fill a list's character limit. */
    private static final int FULL = SizeLimits.MAX_LIST_TEXT / TEXT;

    @Test
    void anAnnouncementWithEveryTextAndListAtItsLimitIsValid() {
        assertThat(AnnouncementRules.check(largestAnnouncement('語', ActionType.DESIGNATE)))
                .isEmpty();
    }

    @Test
    void oneCharacterOrEntryOverALimitIsAViolationAtItsPath() {
        Action largest = largestAction("RU-P-1", 'x', 0, ActionType.DESIGNATE);
        Target target = largest.getTarget();
        Action over = Action.newBuilder(largest)
                .setTarget(Target.newBuilder(target)
                        .setName("x".repeat(TEXT + 1))
                        .setRemarks("x".repeat(LONG_TEXT + 1))
                        .setAliases(plusOne(target.getAliases(), "y"))
                        .setIdentifiers(List.of(new Identifier("P".repeat(TEXT + 1), "1", null)))
                        .setAddresses(List.of(new Address("a".repeat(TEXT + 1), null)))
                        .build())
                .setMeasures(List.of(new Measure(MeasureType.OTHER, "d".repeat(TEXT + 1))))
                .setPrograms(plusOne(largest.getPrograms(), "NEW"))
                .setReason("r".repeat(LONG_TEXT + 1))
                .build();
        Announcement a = Announcement.newBuilder(announcement("a1").build())
                .setTitle("t".repeat(TEXT + 1))
                .setSummary("s".repeat(LONG_TEXT + 1))
                .setLegalBasis("l".repeat(TEXT + 1))
                .setSourceUrl("u".repeat(TEXT + 1))
                .setActions(List.of(over))
                .build();

        assertThat(AnnouncementRules.check(a))
                .containsExactly(
                        new Violation("title", "at most 1,000 characters, got 1001"),
                        new Violation("summary", "at most 10,000 characters, got 10001"),
                        new Violation("legalBasis", "at most 1,000 characters, got 1001"),
                        new Violation("sourceUrl", "at most 1,000 characters, got 1001"),
                        new Violation("actions[0].target.name", "at most 1,000 characters, got 1001"),
                        new Violation("actions[0].target.remarks", "at most 10,000 characters, got 10001"),
                        new Violation("actions[0].target.aliases", "at most 100,000 characters in all, got 100,001"),
                        new Violation("actions[0].target.identifiers[0].type", "at most 1,000 characters, got 1001"),
                        new Violation("actions[0].target.addresses[0].text", "at most 1,000 characters, got 1001"),
                        new Violation("actions[0].measures[0].detail", "at most 1,000 characters, got 1001"),
                        new Violation("actions[0].programs", "at most 100,000 characters in all, got 100,003"),
                        new Violation("actions[0].reason", "at most 10,000 characters, got 10001"));
    }

    @Test
    void theLargestStateAndNotificationStayUnderTheirBounds() {
        LogFold fold = new LogFold();
        fold.apply(largestAnnouncement('語', ActionType.DESIGNATE));
        List<Outcome> outcomes = fold.apply(Announcement.newBuilder(largestAnnouncement('國', ActionType.AMEND))
                .setAnnouncementId("a2")
                .build());

        Outcome.Changed changed = (Outcome.Changed) outcomes.get(0);
        assertThat(changed.change().getBefore()).isNotNull();
        assertThat(bytes(changed.after())).isBetween(1024 * 1024, 2 * 1024 * 1024);
        assertThat(bytes(changed.change())).isBetween(2 * 1024 * 1024, 4 * 1024 * 1024);
    }

    @Test
    void aDesignateThatWouldGrowAStoredListBeyondTheLimitIsRejectedAndChangesNothing() {
        String[] full = IntStream.range(0, ENTRIES).mapToObj(i -> "alias " + i).toArray(String[]::new);
        LogFold fold = new LogFold();
        fold.apply(announcement("a1")
                .actions(designatePerson("RU-P-1", "N").aliases(full))
                .build());
        DesignationState before = fold.state(TestData.key("RU-P-1")).orElseThrow();

        List<Outcome> same = fold.apply(announcement("a2")
                .actions(designatePerson("RU-P-1", "N").aliases(full))
                .build());
        List<Outcome> more = fold.apply(announcement("a3")
                .actions(designatePerson("RU-P-1", "N").aliases("alias " + ENTRIES))
                .build());

        assertThat(same).containsExactly(new Outcome.Unchanged());
        Outcome.Rejected rejected = (Outcome.Rejected) more.get(0);
        assertThat(rejected.rejection().getReason()).isEqualTo(RejectionReason.INVALID_ACTION);
        assertThat(rejected.rejection().getMessage())
                .isEqualTo("invalid action, not applied: actions[0].target.aliases: the designation would hold 1,001"
                        + " entries with those already stored, at most 1,000; AMEND it to replace the list");
        assertThat(fold.state(TestData.key("RU-P-1"))).contains(before);
    }

    @Test
    void manyShortEntriesFitWhereTheCountNotTheCharactersIsTheLimit() {
        // An OFAC entity with its digital currency addresses: hundreds of identifiers of some 40 characters.
        IntFunction<Identifier> address =
                i -> new Identifier("DIGITAL_CURRENCY_ADDRESS_XBT", String.format("1%039d", i), null);
        Action many = designatePerson("RU-P-1", "N")
                .identifiers(IntStream.range(0, ENTRIES).mapToObj(address).toArray(Identifier[]::new))
                .build();
        Action tooMany = designatePerson("RU-P-1", "N")
                .identifiers(IntStream.range(0, ENTRIES + 1).mapToObj(address).toArray(Identifier[]::new))
                .build();

        assertThat(AnnouncementRules.check(
                        announcement("a1").actions(List.of(many)).build()))
                .isEmpty();
        assertThat(AnnouncementRules.check(
                        announcement("a2").actions(List.of(tooMany)).build()))
                .containsExactly(new Violation("actions[0].target.identifiers", "at most 1,000 entries, got 1,001"));
    }

    @Test
    void aRejectionQuotingAHugeValueIsCutShort() {
        Action huge = designatePerson("RU-P-1", "N")
                .nationalities("X".repeat(1_000_000))
                .build();

        List<Outcome> outcomes =
                new LogFold().apply(announcement("a1").actions(List.of(huge)).build());

        String quoting = "invalid action, not applied: actions[0].target.nationalities[0]: must be an ISO 3166-1"
                + " alpha-2 country code, e.g. RU, got '";
        int full = quoting.length() + 1_000_000 + "'".length();
        assertThat(((Outcome.Rejected) outcomes.get(0)).rejection().getMessage())
                .startsWith(quoting)
                .endsWith("X... (" + (full - Rejections.MAX_MESSAGE) + " more characters)")
                .hasSize(Rejections.MAX_MESSAGE
                        + ("... (" + (full - Rejections.MAX_MESSAGE) + " more characters)").length());
    }

    /** One announcement of one action with every text and list at its limit, of {@code c}. */
    private static Announcement largestAnnouncement(char c, ActionType type) {
        String text = String.valueOf(c).repeat(TEXT);
        return Announcement.newBuilder(announcement("a1").build())
                .setTitle(text)
                .setSummary(String.valueOf(c).repeat(LONG_TEXT))
                .setLegalBasis(text)
                .setSourceUrl(text)
                .setActions(List.of(largestAction("RU-P-1", c, 0, type)))
                .build();
    }

    static Action largestAction(String targetId, char c, int seed, ActionType type) {
        IntFunction<String> text = i ->
                (seed + "-" + i + "-").concat(String.valueOf(c).repeat(TEXT)).substring(0, TEXT);
        Target target = Target.newBuilder()
                .setId(targetId)
                .setKind(TargetKind.PERSON)
                .setName(text.apply(-1))
                .setPosition(text.apply(-2))
                .setRemarks(String.valueOf(c).repeat(LONG_TEXT))
                .setAliases(list(text))
                .setBirthDates(IntStream.range(0, ENTRIES)
                        .mapToObj(i -> String.valueOf(1000 + i))
                        .toList())
                .setBirthPlaces(IntStream.range(0, SizeLimits.MAX_BIRTH_PLACES_TEXT / TEXT)
                        .mapToObj(text)
                        .toList())
                .setNationalities(
                        IntStream.range(0, ENTRIES).mapToObj(i -> "RU").toList())
                .setIdentifiers(list(i -> new Identifier(text.apply(i), text.apply(i + ENTRIES), "RU")))
                .setAddresses(list(i -> new Address(text.apply(i), "RU")))
                .build();
        return Action.newBuilder()
                .setAction(type)
                .setTarget(target)
                .setMeasures(list(i -> new Measure(MeasureType.OTHER, text.apply(i))))
                .setPrograms(list(text))
                .setReason(String.valueOf(c).repeat(LONG_TEXT))
                .build();
    }

    /** As many entries of MAX_TEXT characters as fill a list's character limit. */
    private static <T> List<T> list(IntFunction<T> entry) {
        return IntStream.range(0, FULL).mapToObj(entry).toList();
    }

    private static List<String> plusOne(List<String> list, String extra) {
        List<String> more = new ArrayList<>(list);
        more.add(extra);
        return more;
    }

    private static int bytes(SpecificRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.size();
    }
}
