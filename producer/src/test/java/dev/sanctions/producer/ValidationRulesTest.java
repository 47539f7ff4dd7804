package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing input per rule of docs/announcement-format.md, each written three ways (a JSON object, the second element of a
 * JSON array, a line of JSON Lines after a blank line), checking the exact {@code FILE:LINE: field} of the problem.
 */
class ValidationRulesTest {

    /** A valid announcement; the numbers on the right are the lines the cases refer to. */
    static final String BASE = """
            {
              "announcementId": "case-1",
              "authority": "JP-MOFA",
              "jurisdiction": "JP",
              "publishedAt": "2022-04-08T10:00:00+09:00",
              "effectiveFrom": "2022-04-12",
              "title": "Asset freeze",
              "actions": [
                {
                  "action": "DESIGNATE",
                  "target": {
                    "id": "RU-P-1",
                    "kind": "PERSON",
                    "name": "Ivan Petrov",
                    "birthDates": ["1976-10-05"],
                    "nationalities": ["RU"],
                    "identifiers": [{"type": "PASSPORT", "value": "1", "country": "RU"}],
                    "addresses": [{"text": "Moscow", "country": "RU"}]
                  },
                  "measures": ["ASSET_FREEZE", {"type": "TRAVEL_BAN", "detail": "entry"}],
                  "programs": ["RUSSIA"]
                },
                {"action": "DELIST", "target": {"id": "RU-P-2"}}
              ]
            }
            """;
    //  1 {                      9 {                      17 identifiers
    //  2 announcementId        10 action                 18 addresses
    //  3 authority             11 target {               19 }
    //  4 jurisdiction          12 id                     20 measures
    //  5 publishedAt           13 kind                   21 programs
    //  6 effectiveFrom         14 name                   22 },
    //  7 title                 15 birthDates             23 {"action": "DELIST", ...}
    //  8 actions [             16 nationalities          24 ]

    private static final String OTHER = "{\"announcementId\": \"other\", \"authority\": \"JP-MOFA\", "
            + "\"jurisdiction\": \"JP\", \"publishedAt\": \"2022-04-08T10:00:00+09:00\", \"title\": \"t\", "
            + "\"actions\": [{\"action\": \"DELIST\", \"target\": {\"id\": \"X\"}}]}";

    private static final String TARGET_FIELDS =
            "id, kind, name, aliases, birthDates, birthPlaces, nationalities, position, identifiers, addresses, remarks,"
                    + " listedOn";

    @TempDir
    Path dir;

    record Case(String name, UnaryOperator<String> edit, int line, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    enum Form {
        OBJECT,
        ARRAY,
        JSON_LINES
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                // The reader's rules: exact messages.
                new Case(
                        "unknown field",
                        replace("\"title\": \"Asset freeze\",", "\"title\": \"Asset freeze\", \"titel\": \"x\","),
                        7,
                        "titel",
                        "unknown field 'titel', did you mean 'title'? (allowed: announcementId, authority, "
                                + "jurisdiction, publishedAt, effectiveFrom, title, summary, legalBasis, sourceUrl, actions, "
                                + "list, snapshot)"),
                new Case(
                        "unknown nested field",
                        replace("\"birthDates\"", "\"birthdates\""),
                        15,
                        "actions[0].target.birthdates",
                        "unknown field 'birthdates', did you mean 'birthDates'? (allowed: " + TARGET_FIELDS + ")"),
                new Case(
                        "unknown identifier field",
                        replace("\"value\": \"1\",", "\"value\": \"1\", \"issuer\": \"x\","),
                        17,
                        "actions[0].target.identifiers[0].issuer",
                        "unknown field 'issuer' (allowed: type, value, country)"),
                new Case(
                        "unknown measure field",
                        replace("\"detail\": \"entry\"", "\"details\": \"entry\""),
                        20,
                        "actions[0].measures[1].details",
                        "unknown field 'details', did you mean 'detail'? (allowed: type, detail)"),
                new Case(
                        "duplicate field",
                        replace("\"title\": \"Asset freeze\",", "\"title\": \"Asset freeze\", \"title\": \"Again\","),
                        7,
                        "title",
                        "duplicate field 'title'"),
                new Case(
                        "string given a number",
                        replace("\"title\": \"Asset freeze\"", "\"title\": 42"),
                        7,
                        "title",
                        "expected a string, found a number"),
                new Case(
                        "list given a string",
                        replace("\"birthDates\": [\"1976-10-05\"]", "\"birthDates\": \"1976-10-05\""),
                        15,
                        "actions[0].target.birthDates",
                        "expected an array of strings, found a string"),
                new Case(
                        "list element of the wrong type",
                        replace("\"nationalities\": [\"RU\"]", "\"nationalities\": [\"RU\", 7]"),
                        16,
                        "actions[0].target.nationalities[1]",
                        "expected a string, found a number"),
                new Case(
                        "list element null",
                        replace("\"nationalities\": [\"RU\"]", "\"nationalities\": [\"RU\", null]"),
                        16,
                        "actions[0].target.nationalities[1]",
                        "must not be null"),
                new Case(
                        "object given a string",
                        replace("\"target\": {\"id\": \"RU-P-2\"}", "\"target\": \"RU-P-2\""),
                        23,
                        "actions[1].target",
                        "expected an object, found a string"),
                new Case(
                        "actions not an array",
                        regex("(?s)\"actions\": \\[.*\\n  \\]", "\"actions\": {}"),
                        8,
                        "actions",
                        "expected an array of actions, found an object"),
                new Case(
                        "announcementId missing",
                        replace("  \"announcementId\": \"case-1\",\n", ""),
                        1,
                        "announcementId",
                        "required"),
                new Case(
                        "authority null is missing",
                        replace("\"authority\": \"JP-MOFA\"", "\"authority\": null"),
                        1,
                        "authority",
                        "required"),
                new Case(
                        "jurisdiction missing",
                        replace("  \"jurisdiction\": \"JP\",\n", ""),
                        1,
                        "jurisdiction",
                        "required"),
                new Case(
                        "publishedAt missing",
                        replace("  \"publishedAt\": \"2022-04-08T10:00:00+09:00\",\n", ""),
                        1,
                        "publishedAt",
                        "required"),
                new Case("title missing", replace("  \"title\": \"Asset freeze\",\n", ""), 1, "title", "required"),
                new Case(
                        "actions missing", regex("(?s),\\n  \"actions\": \\[.*\\n  \\]", ""), 1, "actions", "required"),
                new Case(
                        "action missing",
                        replace("{\"action\": \"DELIST\", \"target\"", "{\"target\""),
                        23,
                        "actions[1].action",
                        "required"),
                new Case(
                        "target missing",
                        replace(
                                "{\"action\": \"DELIST\", \"target\": {\"id\": \"RU-P-2\"}}",
                                "{\"action\": \"DELIST\"}"),
                        23,
                        "actions[1].target",
                        "required"),
                new Case(
                        "target id missing",
                        replace("{\"id\": \"RU-P-2\"}", "{}"),
                        23,
                        "actions[1].target.id",
                        "required"),
                new Case(
                        "identifier value missing",
                        replace("\"value\": \"1\", ", ""),
                        17,
                        "actions[0].target.identifiers[0].value",
                        "required"),
                new Case(
                        "measure type missing",
                        replace("{\"type\": \"TRAVEL_BAN\", \"detail\": \"entry\"}", "{\"detail\": \"entry\"}"),
                        20,
                        "actions[0].measures[1].type",
                        "required"),
                new Case(
                        "unknown action",
                        replace("\"action\": \"DESIGNATE\"", "\"action\": \"DESIGNATED\""),
                        10,
                        "actions[0].action",
                        "unknown action 'DESIGNATED' (allowed: DESIGNATE, AMEND, DELIST)"),
                new Case(
                        "UNKNOWN is not an action",
                        replace("\"action\": \"DELIST\"", "\"action\": \"UNKNOWN\""),
                        23,
                        "actions[1].action",
                        "unknown action 'UNKNOWN' (allowed: DESIGNATE, AMEND, DELIST)"),
                new Case(
                        "unknown target kind",
                        replace("\"kind\": \"PERSON\"", "\"kind\": \"person\""),
                        13,
                        "actions[0].target.kind",
                        "unknown target kind 'person' (allowed: PERSON, ORGANIZATION, "
                                + "VESSEL, AIRCRAFT, COUNTRY, SECTOR)"),
                new Case(
                        "unknown measure type",
                        replace("[\"ASSET_FREEZE\",", "[\"ASSET_FROZEN\","),
                        20,
                        "actions[0].measures[0]",
                        "unknown measure type 'ASSET_FROZEN' (allowed: ASSET_FREEZE, "
                                + "EXPORT_BAN, IMPORT_BAN, TRAVEL_BAN, INVESTMENT_BAN, FINANCIAL_SERVICES_BAN, SWIFT_DISCONNECTION, "
                                + "CRYPTO_ASSET_BAN, TRADE_STATUS_REVOCATION, ARMS_EMBARGO, SECTORAL_RESTRICTION, OTHER)"),
                new Case(
                        "unknown measure type in an object",
                        replace("\"type\": \"TRAVEL_BAN\"", "\"type\": \"TRAVEL\""),
                        20,
                        "actions[0].measures[1].type",
                        "unknown measure type 'TRAVEL' (allowed: ASSET_FREEZE, "
                                + "EXPORT_BAN, IMPORT_BAN, TRAVEL_BAN, INVESTMENT_BAN, FINANCIAL_SERVICES_BAN, SWIFT_DISCONNECTION, "
                                + "CRYPTO_ASSET_BAN, TRADE_STATUS_REVOCATION, ARMS_EMBARGO, SECTORAL_RESTRICTION, OTHER)"),
                new Case(
                        "measure of the wrong type",
                        replace("[\"ASSET_FREEZE\",", "[true,"),
                        20,
                        "actions[0].measures[0]",
                        "expected a measure type or an object {\"type\", \"detail\"}, found a boolean"),
                new Case(
                        "publishedAt not an instant",
                        replace("\"2022-04-08T10:00:00+09:00\"", "\"2022-04-08 10:00\""),
                        5,
                        "publishedAt",
                        "must be an ISO-8601 instant with offset, e.g. 2022-04-08T10:00:00+09:00, "
                                + "found '2022-04-08 10:00'"),
                new Case(
                        "publishedAt without offset",
                        replace("\"2022-04-08T10:00:00+09:00\"", "\"2022-04-08T10:00:00\""),
                        5,
                        "publishedAt",
                        "must be an ISO-8601 instant with offset, e.g. 2022-04-08T10:00:00+09:00, "
                                + "found '2022-04-08T10:00:00'"),
                new Case(
                        "publishedAt before 1970",
                        replace("\"2022-04-08T10:00:00+09:00\"", "\"1969-12-31T23:59:59Z\""),
                        5,
                        "publishedAt",
                        "must not be before 1970-01-01T00:00:00Z, found '1969-12-31T23:59:59Z'"),
                new Case(
                        "publishedAt in the future",
                        replace("\"2022-04-08T10:00:00+09:00\"", "\"2999-04-08T10:00:00+09:00\""),
                        5,
                        "publishedAt",
                        "must not be in the future (it is when the authority published the "
                                + "announcement), found '2999-04-08T10:00:00+09:00': check the date"),
                new Case(
                        "effectiveFrom not a date",
                        replace("\"2022-04-12\"", "\"12/04/2022\""),
                        6,
                        "effectiveFrom",
                        "must be an ISO date, e.g. 2022-04-12, or an ISO-8601 instant with offset, "
                                + "e.g. 2022-04-08T10:00:00+09:00, found '12/04/2022'"),
                new Case(
                        "effectiveFrom an impossible date",
                        replace("\"2022-04-12\"", "\"2022-02-30\""),
                        6,
                        "effectiveFrom",
                        "must be an ISO date, e.g. 2022-04-12, or an ISO-8601 instant with offset, "
                                + "e.g. 2022-04-08T10:00:00+09:00, found '2022-02-30'"),
                // The core rules: the message is core's; the place is the reader's.
                new Case(
                        "announcementId with forbidden characters",
                        replace("\"case-1\"", "\"case 1/x\""),
                        2,
                        "announcementId",
                        null),
                new Case(
                        "authority in lower case",
                        replace("\"authority\": \"JP-MOFA\"", "\"authority\": \"jp-mofa\""),
                        3,
                        "authority",
                        null),
                new Case(
                        "jurisdiction not a country",
                        replace("\"jurisdiction\": \"JP\"", "\"jurisdiction\": \"XX\""),
                        4,
                        "jurisdiction",
                        null),
                new Case("title blank", replace("\"Asset freeze\"", "\"   \""), 7, "title", null),
                new Case(
                        "actions empty",
                        regex("(?s)\"actions\": \\[.*\\n  \\]", "\"actions\": []"),
                        8,
                        "actions",
                        null),
                new Case(
                        "more than 10,000 actions",
                        replace(
                                "{\"action\": \"DELIST\", \"target\": {\"id\": \"RU-P-2\"}}",
                                IntStream.range(0, 10_000)
                                        .mapToObj(
                                                i -> "{\"action\": \"DELIST\", \"target\": {\"id\": \"X-" + i + "\"}}")
                                        .collect(Collectors.joining(",\n"))),
                        8,
                        "actions",
                        null),
                new Case(
                        "target id with a slash",
                        replace("\"RU-P-1\"", "\"RU/P/1\""),
                        12,
                        "actions[0].target.id",
                        null),
                new Case(
                        "target id with a NUL",
                        replace("\"RU-P-1\"", "\"RU-P-1\\u0000x\""),
                        12,
                        "actions[0].target.id",
                        "must not contain control characters (Unicode category Cc: NUL, tab, line breaks ...)"),
                new Case(
                        "target id with a tab",
                        replace("\"RU-P-2\"", "\"RU\\tP-2\""),
                        23,
                        "actions[1].target.id",
                        "must not contain control characters (Unicode category Cc: NUL, tab, line breaks ...)"),
                new Case("target id empty", replace("\"RU-P-2\"", "\"\""), 23, "actions[1].target.id", null),
                new Case(
                        "DESIGNATE without kind",
                        replace("        \"kind\": \"PERSON\",\n", ""),
                        11,
                        "actions[0].target.kind",
                        null),
                new Case(
                        "DESIGNATE without name",
                        replace("        \"name\": \"Ivan Petrov\",\n", ""),
                        11,
                        "actions[0].target.name",
                        null),
                new Case(
                        "DESIGNATE without measures",
                        regex("      \"measures\": .*\\n", ""),
                        9,
                        "actions[0].measures",
                        null),
                new Case(
                        "DESIGNATE with no measures",
                        regex("\"measures\": \\[.*\\],", "\"measures\": [],"),
                        20,
                        "actions[0].measures",
                        null),
                new Case(
                        "birth date not a date",
                        replace("\"1976-10-05\"", "\"1976-13\""),
                        15,
                        "actions[0].target.birthDates[0]",
                        null),
                new Case(
                        "nationality not a country",
                        replace("\"nationalities\": [\"RU\"]", "\"nationalities\": [\"RUS\"]"),
                        16,
                        "actions[0].target.nationalities[0]",
                        null),
                new Case(
                        "identifier country not a country",
                        replace("\"value\": \"1\", \"country\": \"RU\"", "\"value\": \"1\", \"country\": \"ru\""),
                        17,
                        "actions[0].target.identifiers[0].country",
                        null),
                new Case(
                        "address country not a country",
                        replace(
                                "\"text\": \"Moscow\", \"country\": \"RU\"",
                                "\"text\": \"Moscow\", \"country\": \"R\""),
                        18,
                        "actions[0].target.addresses[0].country",
                        null));
        return cases.stream().flatMap(c -> Stream.of(Form.values()).map(form -> Arguments.of(c, form)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void reportsTheRuleAtTheLineOfTheValue(Case rule, Form form) throws IOException {
        String announcement = rule.edit().apply(BASE);
        Path file;
        int line;
        switch (form) {
            case OBJECT -> {
                file = write("case.json", announcement);
                line = rule.line();
            }
            case ARRAY -> {
                file = write("case.json", "[\n" + OTHER + ",\n" + announcement.stripTrailing() + "\n]\n");
                line = rule.line() + 2;
            }
            default -> {
                file = write("case.jsonl", OTHER + "\n\n" + announcement.strip().replace("\n", " ") + "\n");
                line = 3;
            }
        }

        Batch batch = AnnouncementFiles.read(List.of(file));

        assertThat(batch.valid()).isFalse();
        assertThat(batch.problems()).hasSize(1);
        String expected = file + ":" + line + ": " + rule.field() + ": ";
        if (rule.message() != null) {
            assertThat(batch.problems().get(0).format()).isEqualTo(expected + rule.message());
        } else {
            assertThat(batch.problems().get(0).format()).startsWith(expected);
        }
        // Only the other announcement is fit to publish.
        assertThat(batch.announcements())
                .extracting(p -> p.announcement().getAnnouncementId())
                .containsExactlyElementsOf(form == Form.OBJECT ? List.of() : List.of("other"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static UnaryOperator<String> replace(String from, String to) {
        return text -> {
            assertThat(text.indexOf(from))
                    .as("'%s' occurs once", from)
                    .isGreaterThanOrEqualTo(0)
                    .isEqualTo(text.lastIndexOf(from));
            return text.replace(from, to);
        };
    }

    private static UnaryOperator<String> regex(String pattern, String replacement) {
        return text -> {
            String edited = text.replaceFirst(pattern, replacement);
            assertThat(edited).as("'%s' matches", pattern).isNotEqualTo(text);
            return edited;
        };
    }
}
