package dev.sanctions.importers.unxml;

import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.EntryBuilder;
import dev.sanctions.importers.EntrySink;
import dev.sanctions.importers.ListFileException;
import dev.sanctions.importers.ListFormat;
import dev.sanctions.importers.ListMetadata;
import dev.sanctions.importers.SourcePosition;
import dev.sanctions.importers.Texts;
import dev.sanctions.importers.XmlElement;
import dev.sanctions.importers.XmlEntries;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The UN Security Council consolidated list ({@code CONSOLIDATED_LIST}, docs/importers.md#un-xml): one entry per
 * {@code INDIVIDUAL} and {@code ENTITY}, its {@code REFERENCE_NUMBER} the target id.
 */
public final class UnXmlFormat implements ListFormat {

    static final String LIST = "CONSOLIDATED";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Elements that describe the record rather than the target: its database id, version, sort keys. */
    private static final Set<String> BOOKKEEPING =
            Set.of("DATAID", "VERSIONNUM", "LIST_TYPE", "LAST_DAY_UPDATED", "SORT_KEY", "SORT_KEY_LAST_MOD");

    @Override
    public String name() {
        return "un-xml";
    }

    @Override
    public String authority() {
        return "UN-SC";
    }

    @Override
    public String jurisdiction() {
        return "UN";
    }

    @Override
    public String title(String list) {
        return "UN Security Council Consolidated List";
    }

    @Override
    public String sourceUrl(String list) {
        return "https://scsanctions.un.org/resources/xml/en/consolidated.xml";
    }

    @Override
    public ListMetadata read(List<Path> files, Optional<String> list, EntrySink sink) throws ListFileException {
        Path file = onlyFile(files, "the consolidated list XML");
        Instant[] generated = {null};
        XmlEntries.read(
                file, "CONSOLIDATED_LIST", null, Set.of(), Set.of("INDIVIDUAL", "ENTITY"), new XmlEntries.Handler() {
                    @Override
                    public void root(Map<String, String> attributes, SourcePosition at) throws ListFileException {
                        String date = Texts.clean(attributes.get("dateGenerated"));
                        if (date != null) {
                            try {
                                generated[0] = OffsetDateTime.parse(date).toInstant();
                            } catch (DateTimeParseException e) {
                                throw new ListFileException(
                                        at,
                                        "dateGenerated '" + date + "' is not an ISO-8601 date and time with offset");
                            }
                        }
                    }

                    @Override
                    public void entry(XmlElement element, SourcePosition at) {
                        entryOf(element, at, sink);
                    }
                });
        return new ListMetadata(Optional.ofNullable(generated[0]), LIST);
    }

    private static void entryOf(XmlElement element, SourcePosition at, EntrySink sink) {
        String id = element.text("REFERENCE_NUMBER");
        if (id == null) {
            sink.problem(at, "<" + element.name() + "> has no REFERENCE_NUMBER, the id of its designation");
            return;
        }
        boolean person = element.name().equals("INDIVIDUAL");
        EntryBuilder entry = new EntryBuilder(id, person ? TargetKind.PERSON : TargetKind.ORGANIZATION);
        entry.name(Texts.join(
                " ",
                element.text("FIRST_NAME"),
                element.text("SECOND_NAME"),
                element.text("THIRD_NAME"),
                element.text("FOURTH_NAME")));
        entry.measure(MeasureType.ASSET_FREEZE, null)
                .measure(MeasureType.TRAVEL_BAN, null)
                .measure(MeasureType.ARMS_EMBARGO, null);
        for (XmlElement child : element.children()) {
            switch (child.name()) {
                case "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "REFERENCE_NUMBER" -> {
                    // the name and the id, above
                }
                case "UN_LIST_TYPE" -> entry.program(child.text());
                case "LISTED_ON" -> listedOn(child, entry, sink, at);
                case "NAME_ORIGINAL_SCRIPT" -> entry.alias(child.text());
                case "COMMENTS1" -> entry.remark(child.text());
                case "TITLE" -> values(child).forEach(v -> entry.remark("Title: " + v));
                case "DESIGNATION" -> values(child).forEach(entry::position);
                case "NATIONALITY", "NATIONALITY2" -> values(child).forEach(v -> entry.nationality(v, "Nationality"));
                case "GENDER" -> entry.remark("Gender: " + Texts.clean(child.text()));
                case "SUBMITTED_BY" -> values(child).forEach(v -> entry.remark("Submitted by: " + v));
                case "SUBMITTED_ON" -> entry.remark("Submitted on: " + Texts.clean(child.text()));
                case "DELISTED_ON" -> entry.remark("Delisted on: " + Texts.clean(child.text()));
                case "INDIVIDUAL_ALIAS", "ENTITY_ALIAS" -> alias(child, entry);
                case "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS" -> address(child, entry);
                case "INDIVIDUAL_DATE_OF_BIRTH" -> birthDate(child, entry);
                case "INDIVIDUAL_PLACE_OF_BIRTH" -> entry.birthPlace(place(child));
                case "INDIVIDUAL_DOCUMENT" -> document(child, entry);
                default -> {
                    if (!BOOKKEEPING.contains(child.name())) {
                        // Nothing of an entry is lost: an element this importer does not know goes to the remarks.
                        unknown(child, entry);
                    }
                }
            }
        }
        if (!entry.hasName()) {
            sink.problem(at, "entry " + id + " has no name (FIRST_NAME ... FOURTH_NAME are all empty)");
            return;
        }
        sink.entry(entry.build(), at);
    }

    private static void listedOn(XmlElement child, EntryBuilder entry, EntrySink sink, SourcePosition at) {
        String text = Texts.clean(child.text());
        if (text == null) {
            return;
        }
        String date = text.length() >= 10 ? text.substring(0, 10) : text;
        try {
            entry.listedOn(LocalDate.parse(date).toString());
        } catch (DateTimeParseException e) {
            sink.problem(
                    new SourcePosition(at.file(), child.line()), "LISTED_ON '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static List<String> values(XmlElement element) {
        List<String> values = element.all("VALUE").stream()
                .map(v -> Texts.clean(v.text()))
                .filter(v -> v != null)
                .toList();
        String own = Texts.clean(element.text());
        return values.isEmpty() && own != null ? List.of(own) : values;
    }

    private static void alias(XmlElement alias, EntryBuilder entry) {
        String name = alias.text("ALIAS_NAME");
        entry.alias(name);
        // A low-quality alias is still an alias the list gives; what else the alias carries stays in the remarks.
        String details = Texts.join(
                "; ",
                labelled("date of birth", alias.text("DATE_OF_BIRTH")),
                labelled("city of birth", alias.text("CITY_OF_BIRTH")),
                labelled("country of birth", alias.text("COUNTRY_OF_BIRTH")),
                alias.text("NOTE"));
        if (name != null && details != null) {
            entry.remark("Alias " + name + ": " + details);
        }
    }

    private static void address(XmlElement address, EntryBuilder entry) {
        entry.address(
                Texts.join(
                        ", ",
                        address.text("STREET"),
                        address.text("CITY"),
                        address.text("STATE_PROVINCE"),
                        address.text("ZIP_CODE"),
                        address.text("NOTE")),
                address.text("COUNTRY"));
    }

    /** EXACT and dates as given; APPROXIMATELY as circa; BETWEEN as a range; a note beside the date to the remarks. */
    private static void birthDate(XmlElement dob, EntryBuilder entry) {
        String type = dob.text("TYPE_OF_DATE");
        String date = dateOf(dob.text("DATE"));
        String year = yearOf(dob.text("YEAR"));
        String from = yearOf(dob.text("FROM_YEAR"));
        String to = yearOf(dob.text("TO_YEAR"));
        String given = date != null ? date : year;
        String value = null;
        if (given != null) {
            value = "APPROXIMATELY".equalsIgnoreCase(type) ? "circa " + given : given;
        } else if (from != null && to != null) {
            value = from.compareTo(to) < 0 ? from + "/" + to : from.equals(to) ? from : null;
        }
        String note = dob.text("NOTE");
        if (value != null) {
            entry.birthDate(value);
            if (note != null) {
                entry.remark("Date of birth " + value + ": " + note);
            }
        } else {
            String text = Texts.join(
                    " ", type, dob.text("DATE"), dob.text("YEAR"), dob.text("FROM_YEAR"), dob.text("TO_YEAR"), note);
            if (text != null) {
                entry.remark("Date of birth: " + text);
            }
        }
    }

    private static String dateOf(String text) {
        if (text == null) {
            return null;
        }
        String date = text.length() >= 10 ? text.substring(0, 10) : text;
        if (!DATE.matcher(date).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String yearOf(String text) {
        return text != null && YEAR.matcher(text).matches() ? text : null;
    }

    private static String place(XmlElement place) {
        return Texts.join(
                ", ",
                place.text("STREET"),
                place.text("CITY"),
                place.text("STATE_PROVINCE"),
                place.text("COUNTRY"),
                place.text("NOTE"));
    }

    private static void document(XmlElement document, EntryBuilder entry) {
        String type = Texts.join(" ", document.text("TYPE_OF_DOCUMENT"), document.text("TYPE_OF_DOCUMENT2"));
        String number = document.text("NUMBER");
        String country = document.text("ISSUING_COUNTRY") != null
                ? document.text("ISSUING_COUNTRY")
                : document.text("COUNTRY_OF_ISSUE");
        String details = Texts.join(
                "; ",
                labelled("issued", document.text("DATE_OF_ISSUE")),
                labelled("in", document.text("CITY_OF_ISSUE")),
                document.text("ISSUING_COUNTRY") != null
                        ? labelled("country of issue", document.text("COUNTRY_OF_ISSUE"))
                        : null,
                document.text("NOTE"));
        if (number != null) {
            entry.identifier(identifierType(type), number, country);
            if (details != null) {
                entry.remark((type == null ? "Document" : type) + " " + number + ": " + details);
            }
        } else {
            String text = Texts.join("; ", type, country, details);
            if (text != null) {
                entry.remark("Document: " + text);
            }
        }
    }

    /** {@code Passport} → PASSPORT, {@code National Identification Number} → NATIONAL_IDENTIFICATION_NUMBER. */
    static String identifierType(String type) {
        if (type == null) {
            return "DOCUMENT";
        }
        if (type.toLowerCase(java.util.Locale.ROOT).startsWith("passport")) {
            return "PASSPORT";
        }
        String code = type.toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_|_$", "");
        return code.isEmpty() ? "DOCUMENT" : code;
    }

    private static String labelled(String label, String value) {
        return value == null ? null : label + " " + value;
    }

    private static void unknown(XmlElement element, EntryBuilder entry) {
        String text = flatten(element);
        if (text != null) {
            entry.remark(element.name() + ": " + text);
        }
    }

    private static String flatten(XmlElement element) {
        if (element.children().isEmpty()) {
            return Texts.clean(element.text());
        }
        return Texts.join(
                "; ", element.children().stream().map(UnXmlFormat::flatten).toArray(String[]::new));
    }
}
