package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.ASSET_FREEZE;
import static dev.sanctions.core.TestData.address;
import static dev.sanctions.core.TestData.amend;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.delist;
import static dev.sanctions.core.TestData.designate;
import static dev.sanctions.core.TestData.designatePerson;
import static dev.sanctions.core.TestData.identifier;
import static dev.sanctions.core.TestData.measure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.TargetKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of docs/announcement-format.md, with its exact path and message. */
class AnnouncementRulesTest {
    private static final String KINDS = "PERSON, ORGANIZATION, VESSEL, AIRCRAFT, COUNTRY, SECTOR";

    private static List<Violation> checkOne(TestData.ActionBuilder action) {
        return AnnouncementRules.check(announcement("a1").actions(action).build());
    }

    private static Violation v(String path, String message) {
        return new Violation(path, message);
    }

    @Test
    void theSeedAnnouncementIsValid() {
        Announcement a = announcement("jp-mofa-2022-04-08-ru")
                .effectiveFrom("2022-04-12T00:00:00+09:00")
                .actions(
                        designate("RU-P-0425")
                                .kind(TargetKind.PERSON)
                                .name("Ramzan Akhmatovich Kadyrov")
                                .aliases("Рамзан Ахматович Кадыров")
                                .birthDates("1976-10-05", "1976-10", "1976")
                                .nationalities("RU")
                                .identifiers(identifier("PASSPORT", "0000000", "RU"))
                                .addresses(address("Grozny", "RU"))
                                .measures(measure(ASSET_FREEZE), measure(MeasureType.TRAVEL_BAN, "entry ban"))
                                .programs("RUSSIA-UKRAINE"),
                        amend("RU-P-0426").position("Minister"),
                        delist("RU-P-0427"),
                        delist("RU-P-0428").measures(ASSET_FREEZE))
                .build();

        assertThat(AnnouncementRules.check(a)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/inside", "ü"})
    void announcementIdIsUpTo200CharactersOfASmallAlphabet(String id) {
        List<Violation> violations = AnnouncementRules.check(
                announcement(id).actions(designatePerson("P1", "X")).build());

        assertThat(violations)
                .containsExactly(v(
                        "announcementId",
                        id.isEmpty()
                                ? "required: 1-200 characters of [A-Za-z0-9._:-]"
                                : "must be 1-200 characters of [A-Za-z0-9._:-], e.g. jp-mofa-2022-04-08-ru"));
    }

    @Test
    void publishedAtBefore1970IsRefusedBecauseNoRecordTimestampCanCarryIt() {
        Announcement a = announcement("a1").actions(designatePerson("P1", "X")).build();
        a.setPublishedAt(java.time.Instant.parse("1969-12-31T23:59:59.999Z"));

        assertThat(AnnouncementRules.check(a))
                .containsExactly(
                        v("publishedAt", "must not be before 1970-01-01T00:00:00Z, found 1969-12-31T23:59:59.999Z"));
    }

    @Test
    void announcementIdOf200CharactersIsValidAnd201IsNot() {
        String max = "a.b:c-d_e".repeat(22) + "ab";
        assertThat(max).hasSize(200);

        assertThat(AnnouncementRules.check(
                        announcement(max).actions(designatePerson("P1", "X")).build()))
                .isEmpty();
        assertThat(AnnouncementRules.check(announcement(max + "x")
                        .actions(designatePerson("P1", "X"))
                        .build()))
                .extracting(Violation::path)
                .containsExactly("announcementId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jp-mofa", "J", "1P-MOFA", "JP_MOFA", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void authorityMustMatchItsPattern(String authority) {
        Announcement a = announcement("a1")
                .authority(authority)
                .actions(designatePerson("P1", "X"))
                .build();

        assertThat(AnnouncementRules.check(a))
                .containsExactly(
                        v("authority", "must match [A-Z][A-Z0-9-]{1,31}, e.g. JP-MOFA, got '" + authority + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JP", "US", "GB", "RU", "EU", "UN"})
    void jurisdictionIsAnIsoCountryOrEuOrUn(String jurisdiction) {
        Announcement a = announcement("a1")
                .jurisdiction(jurisdiction)
                .actions(designatePerson("P1", "X"))
                .build();

        assertThat(AnnouncementRules.check(a)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "jp", "JPN", "UK", "EUR"})
    void otherJurisdictionsAreRejected(String jurisdiction) {
        Announcement a = announcement("a1")
                .jurisdiction(jurisdiction)
                .actions(designatePerson("P1", "X"))
                .build();

        assertThat(AnnouncementRules.check(a))
                .containsExactly(v(
                        "jurisdiction",
                        "must be an ISO 3166-1 alpha-2 code, EU or UN, e.g. JP, got '" + jurisdiction + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-04-12", "2022-04-12T00:00:00Z", "2022-04-12T00:00:00+09:00", "2024-02-29"})
    void effectiveFromIsAnIsoDateOrInstant(String effectiveFrom) {
        Announcement a = announcement("a1")
                .effectiveFrom(effectiveFrom)
                .actions(designatePerson("P1", "X"))
                .build();

        assertThat(AnnouncementRules.check(a)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-4-12", "2022-02-30", "12 April 2022", "2022-04-12T00:00:00", "2022"})
    void otherEffectiveFromValuesAreRejected(String effectiveFrom) {
        Announcement a = announcement("a1")
                .effectiveFrom(effectiveFrom)
                .actions(designatePerson("P1", "X"))
                .build();

        assertThat(AnnouncementRules.check(a))
                .containsExactly(v(
                        "effectiveFrom",
                        "must be an ISO date (2022-04-12) or instant (2022-04-12T00:00:00Z), got '" + effectiveFrom
                                + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void titleMustNotBeBlank(String title) {
        Announcement a = announcement("a1")
                .title(title)
                .actions(designatePerson("P1", "X"))
                .build();

        assertThat(AnnouncementRules.check(a)).containsExactly(v("title", "required, must not be blank"));
    }

    @Test
    void anAnnouncementHoldsOneToTenThousandActions() {
        assertThat(AnnouncementRules.check(announcement("a1").build()))
                .containsExactly(v("actions", "required: 1 to 10,000 actions"));

        Action one = designatePerson("P1", "X").build();
        List<Action> tenThousand = new ArrayList<>(Collections.nCopies(10_000, one));
        assertThat(AnnouncementRules.check(
                        announcement("a1").actions(tenThousand).build()))
                .isEmpty();

        tenThousand.add(one);
        assertThat(AnnouncementRules.check(
                        announcement("a1").actions(tenThousand).build()))
                .containsExactly(v("actions", "must hold 1 to 10,000 actions, got 10001; split the announcement"));
    }

    @Test
    void theActionTypeMustBeKnown() {
        Action unknown = Action.newBuilder(designatePerson("P1", "X").build())
                .setAction(ActionType.UNKNOWN)
                .build();

        assertThat(AnnouncementRules.checkAction(unknown, 3))
                .containsExactly(v("actions[3].action", "must be one of DESIGNATE, AMEND, DELIST"));
    }

    @Test
    void targetIdIsOneToOneHundredCharactersWithoutSlash() {
        assertThat(checkOne(designatePerson("", "X")))
                .containsExactly(v("actions[0].target.id", "required: 1-100 characters without '/'"));
        assertThat(checkOne(designatePerson("x".repeat(100), "X"))).isEmpty();
        assertThat(checkOne(designatePerson("x".repeat(101), "X")))
                .containsExactly(v("actions[0].target.id", "must be 1-100 characters without '/', got 101 characters"));
        assertThat(checkOne(amend("RU/1").name("X")))
                .containsExactly(v(
                        "actions[0].target.id", "must not contain '/' (it separates authority and target id in keys)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"N-1\u0000x", "N-1\u0000", "N\t1", "N-1\n", "N\u007f1", "N\u00851"})
    void targetIdMustNotContainControlCharacters(String id) {
        assertThat(checkOne(amend(id)))
                .containsExactly(v(
                        "actions[0].target.id",
                        "must not contain control characters (Unicode category Cc: NUL, tab, line breaks ...)"));
    }

    @Test
    void designateRequiresKindNameAndMeasures() {
        assertThat(checkOne(designate("P1")))
                .containsExactly(
                        v("actions[0].target.kind", "required for DESIGNATE: one of " + KINDS),
                        v("actions[0].target.name", "required for DESIGNATE, must not be blank"),
                        v("actions[0].measures", "required for DESIGNATE: at least one measure"));
        assertThat(checkOne(designatePerson("P1", " ").noMeasures()))
                .containsExactly(
                        v("actions[0].target.name", "required for DESIGNATE, must not be blank"),
                        v("actions[0].measures", "required for DESIGNATE: at least one measure"));
    }

    @Test
    void amendAndDelistNeedOnlyATargetId() {
        assertThat(checkOne(amend("P1"))).isEmpty();
        assertThat(checkOne(delist("P1"))).isEmpty();
    }

    @Test
    void aGivenKindMustBeKnownAndAGivenNameMustNotBeBlank() {
        assertThat(checkOne(amend("P1").kind(TargetKind.UNKNOWN).name("")))
                .containsExactly(
                        v("actions[0].target.kind", "must be one of " + KINDS),
                        v("actions[0].target.name", "must not be blank when given (v1 cannot clear a name)"));
    }

    @Test
    void birthDatesAreFullOrPartialCalendarDates() {
        assertThat(checkOne(designatePerson("P1", "X").birthDates("1976", "1976-10", "1976-10-05", "2000-02-29")))
                .isEmpty();
        assertThat(checkOne(designatePerson("P1", "X")
                        .birthDates("1976-13", "1976-02-30", "1900-02-29", "76", "1976-10-5", "1976/10/05", "1976-00")))
                .extracting(Violation::path)
                .containsExactly(
                        "actions[0].target.birthDates[0]",
                        "actions[0].target.birthDates[1]",
                        "actions[0].target.birthDates[2]",
                        "actions[0].target.birthDates[3]",
                        "actions[0].target.birthDates[4]",
                        "actions[0].target.birthDates[5]",
                        "actions[0].target.birthDates[6]");
        assertThat(checkOne(amend("P1").birthDates("1976-13")))
                .containsExactly(v(
                        "actions[0].target.birthDates[0]",
                        "must be a full (1976-10-05) or partial (1976-10, 1976) date, optionally after 'circa ',"
                                + " or a range (1958/1960), got '1976-13'"));
    }

    @Test
    void birthDatesMayBeCircaOrARangeAsOfficialListsGiveThem() {
        assertThat(checkOne(designatePerson("P1", "X")
                        .birthDates("circa 1960", "circa 1960-05", "1958/1960", "1960-01/1960-06-30")))
                .isEmpty();
        assertThat(checkOne(designatePerson("P1", "X")
                        .birthDates(
                                "1960/1958",
                                "1960/1960",
                                "circa",
                                "circa 60",
                                "Circa 1960",
                                "1958/",
                                "/1960",
                                "1958/1960/1962")))
                .extracting(Violation::path)
                .containsExactly(
                        "actions[0].target.birthDates[0]",
                        "actions[0].target.birthDates[1]",
                        "actions[0].target.birthDates[2]",
                        "actions[0].target.birthDates[3]",
                        "actions[0].target.birthDates[4]",
                        "actions[0].target.birthDates[5]",
                        "actions[0].target.birthDates[6]",
                        "actions[0].target.birthDates[7]");
    }

    @Test
    void aListIdIsUpTo32CapitalsDigitsOrDashes() {
        Announcement a = announcement("a1").actions(designatePerson("P1", "X")).build();
        a.setList("SDN");
        assertThat(AnnouncementRules.check(a)).isEmpty();

        a.setList("sdn list");
        assertThat(AnnouncementRules.check(a))
                .containsExactly(v("list", "must match [A-Z0-9-]{1,32}, e.g. SDN, got 'sdn list'"));
    }

    @Test
    void aSnapshotHoldsOnlyDesignateEntriesOfItsOwnList() {
        Announcement a = announcement("a1")
                .actions(designatePerson("P1", "X"), delist("P2"), designatePerson("P3", "Y"))
                .build();
        a.setList("CONSOLIDATED");
        a.setSnapshot(dev.sanctions.avro.Snapshot.newBuilder().setList("SDN").build());

        assertThat(AnnouncementRules.check(a))
                .containsExactly(
                        v("list", "must be the snapshot's list 'SDN' when given, got 'CONSOLIDATED'"),
                        v(
                                "actions[1].action",
                                "must be DESIGNATE in a snapshot: each entry states one designation completely"));
    }

    @Test
    void aSnapshotMayHoldMoreThan10000EntriesButNotMoreThan200000() {
        List<Action> entries = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            entries.add(designatePerson("P" + i, "X").build());
        }
        Announcement part = announcement("a1").actions(entries).build();
        part.setSnapshot(dev.sanctions.avro.Snapshot.newBuilder()
                .setList("SDN")
                .setPart(1)
                .setParts(3)
                .setFirstIndex(189_999)
                .build());
        assertThat(AnnouncementRules.check(part)).isEmpty();

        part.getSnapshot().setFirstIndex(190_000);
        assertThat(AnnouncementRules.check(part))
                .containsExactly(v(
                        "actions",
                        "a snapshot holds at most 200,000 entries, got entries 190000 to 200000; split the list"));
    }

    @Test
    void aSnapshotsFractionAndPartNumbersMustMakeSense() {
        Announcement a = announcement("a1").actions(designatePerson("P1", "X")).build();
        a.setSnapshot(dev.sanctions.avro.Snapshot.newBuilder()
                .setList("SDN")
                .setMaxDelistFraction(1.5)
                .setPart(2)
                .setParts(2)
                .build());

        assertThat(AnnouncementRules.check(a))
                .containsExactly(
                        v("snapshot.maxDelistFraction", "must be between 0 and 1, got 1.5"),
                        v("snapshot.part", "must be from 0 to parts - 1, got part 2 of 2 parts"));
    }

    @Test
    void nationalitiesAndCountriesAreIsoAlpha2() {
        assertThat(checkOne(amend("P1")
                        .nationalities("RU", "EU", "ru")
                        .identifiers(identifier("PASSPORT", "1", "RUS"), identifier("IMO", "9", null))
                        .addresses(address("Grozny", "XX"), address("Minsk", "BY"))))
                .containsExactly(
                        v(
                                "actions[0].target.nationalities[1]",
                                "must be an ISO 3166-1 alpha-2 country code, e.g. RU, got 'EU'"),
                        v(
                                "actions[0].target.nationalities[2]",
                                "must be an ISO 3166-1 alpha-2 country code, e.g. RU, got 'ru'"),
                        v(
                                "actions[0].target.identifiers[0].country",
                                "must be an ISO 3166-1 alpha-2 country code, e.g. RU, got 'RUS'"),
                        v(
                                "actions[0].target.addresses[0].country",
                                "must be an ISO 3166-1 alpha-2 country code, e.g. RU, got 'XX'"));
    }

    @Test
    void identifiersNeedTypeAndValueAndAddressesNeedTextOrCountry() {
        assertThat(checkOne(amend("P1").identifiers(identifier(" ", "", null)).addresses(address(null, null))))
                .containsExactly(
                        v("actions[0].target.identifiers[0].type", "required, must not be blank, e.g. PASSPORT"),
                        v("actions[0].target.identifiers[0].value", "required, must not be blank"),
                        v("actions[0].target.addresses[0]", "must give text, country or both"));
    }

    @Test
    void listElementsThatCarryAValueMustNotBeBlank() {
        assertThat(checkOne(designatePerson("P1", "X").aliases("ok", " ").programs("", "RUSSIA")))
                .containsExactly(
                        v("actions[0].target.aliases[1]", "must not be blank"),
                        v("actions[0].programs[0]", "must not be blank"));
    }

    @Test
    void measureTypesMustBeKnownAndAGivenDetailMustNotBeBlank() {
        assertThat(checkOne(designatePerson("P1", "X")
                        .measures(measure(ASSET_FREEZE), measure(MeasureType.UNKNOWN), measure(ASSET_FREEZE, " "))))
                .containsExactly(
                        v(
                                "actions[0].measures[1].type",
                                "must be one of ASSET_FREEZE, EXPORT_BAN, IMPORT_BAN, TRAVEL_BAN,"
                                        + " INVESTMENT_BAN, FINANCIAL_SERVICES_BAN, SWIFT_DISCONNECTION, CRYPTO_ASSET_BAN,"
                                        + " TRADE_STATUS_REVOCATION, ARMS_EMBARGO, SECTORAL_RESTRICTION, OTHER"),
                        v("actions[0].measures[2].detail", "must not be blank when given; omit it or give null"));
    }

    @Test
    void everyViolationIsReportedInFieldOrderWithActionIndexes() {
        Announcement a = announcement("bad id")
                .authority("jp")
                .title("")
                .actions(
                        designatePerson("P1", "X"),
                        designate("P2").kind(TargetKind.PERSON).measures(ASSET_FREEZE),
                        amend("P3").nationalities("ZZ"))
                .build();

        assertThat(AnnouncementRules.check(a))
                .extracting(Violation::path)
                .containsExactly(
                        "announcementId",
                        "authority",
                        "title",
                        "actions[1].target.name",
                        "actions[2].target.nationalities[0]");
    }

    @Test
    void checkActionPrefixesPathsWithTheGivenIndex() {
        assertThat(AnnouncementRules.checkAction(designate("P1").build(), 42))
                .extracting(Violation::path)
                .containsExactly("actions[42].target.kind", "actions[42].target.name", "actions[42].measures");
    }
}
