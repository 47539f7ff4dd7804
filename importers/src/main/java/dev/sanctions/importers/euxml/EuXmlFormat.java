package dev.sanctions.importers.euxml;

import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.Countries;
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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The EU Financial Sanctions Files export, schema 1.1 ({@code export}/{@code sanctionEntity},
 * docs/importers.md#eu-xml): one entry per {@code sanctionEntity}, its {@code logicalId} the target id.
 */
public final class EuXmlFormat implements ListFormat {

    static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";
    static final String LIST = "FSF";

    @Override
    public String name() {
        return "eu-xml";
    }

    @Override
    public String authority() {
        return "EU-COUNCIL";
    }

    @Override
    public String jurisdiction() {
        return "EU";
    }

    @Override
    public String title(String list) {
        return "EU Financial Sanctions Files: consolidated list of persons, groups and entities subject to EU"
                + " financial sanctions";
    }

    @Override
    public String sourceUrl(String list) {
        return "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content";
    }

    @Override
    public ListMetadata read(List<Path> files, Optional<String> list, EntrySink sink) throws ListFileException {
        Path file = onlyFile(files, "the FSF XML export (schema 1.1)");
        Instant[] generated = {null};
        XmlEntries.read(file, "export", NAMESPACE, Set.of(), Set.of("sanctionEntity"), new XmlEntries.Handler() {
            @Override
            public void root(Map<String, String> attributes, SourcePosition at) throws ListFileException {
                String date = Texts.clean(attributes.get("generationDate"));
                if (date == null) {
                    throw new ListFileException(at, "<export> has no generationDate: this is not the FSF export");
                }
                generated[0] = instant(date)
                        .orElseThrow(() -> new ListFileException(
                                at, "generationDate '" + date + "' is not an ISO-8601 date and time"));
            }

            @Override
            public void entry(XmlElement element, SourcePosition at) {
                entryOf(element, at, sink);
            }
        });
        return new ListMetadata(Optional.ofNullable(generated[0]), LIST);
    }

    /** xs:dateTime, with or without an offset (UTC when without). */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static void entryOf(XmlElement element, SourcePosition at, EntrySink sink) {
        String id = element.attribute("logicalId");
        if (id == null) {
            sink.problem(at, "<sanctionEntity> has no logicalId, the id of its designation");
            return;
        }
        XmlElement subject = element.first("subjectType").orElse(null);
        String classification = subject == null ? null : subject.attribute("classificationCode");
        TargetKind kind = "P".equals(classification) ? TargetKind.PERSON : TargetKind.ORGANIZATION;
        EntryBuilder entry = new EntryBuilder(id, kind);
        entry.measure(MeasureType.ASSET_FREEZE, null);
        if (subject != null
                && subject.attribute("code") != null
                && !"P".equals(classification)
                && !"enterprise".equals(subject.attribute("code"))) {
            entry.remark("Subject type: " + subject.attribute("code"));
        }
        String designated = element.attribute("designationDate");
        if (designated != null) {
            listedOn(designated, entry, sink, at);
        }
        entry.remark(element.attribute("designationDetails"));
        String euReference = element.attribute("euReferenceNumber");
        if (euReference != null) {
            entry.identifier("EU_REFERENCE_NUMBER", euReference, null);
        }
        String unId = element.attribute("unitedNationId");
        if (unId != null) {
            entry.identifier("UN_REFERENCE_NUMBER", unId, null);
        }
        String delisted = element.attribute("delistingDate");
        if (delisted != null) {
            entry.remark("Delisting date: " + delisted);
        }
        for (XmlElement child : element.children()) {
            switch (child.name()) {
                case "remark" -> entry.remark(child.text());
                case "additionalInformation" ->
                    entry.remark(Texts.join(": ", child.attribute("key"), child.attribute("value")));
                case "regulation" -> regulation(child, entry);
                case "subjectType" -> {
                    // the kind, above
                }
                case "nameAlias" -> nameAlias(child, entry);
                case "citizenship" -> citizenship(child, entry);
                case "birthdate" -> birthdate(child, entry);
                case "address" -> address(child, entry);
                case "identification" -> identification(child, entry);
                default -> entry.remark(child.name() + ": " + Texts.clean(child.text()));
            }
        }
        if (!entry.hasName()) {
            sink.problem(at, "entry " + id + " has no name: no nameAlias gives a wholeName or name parts");
            return;
        }
        sink.entry(entry.build(), at);
    }

    private static void listedOn(String date, EntryBuilder entry, EntrySink sink, SourcePosition at) {
        try {
            entry.listedOn(LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date)
                    .toString());
        } catch (DateTimeParseException e) {
            sink.problem(at, "designationDate '" + date + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** The programme is the program; the act that listed the target is the reason. */
    private static void regulation(XmlElement regulation, EntryBuilder entry) {
        entry.program(regulation.attribute("programme"));
        entry.reason(Texts.join(
                ", ",
                regulation.attribute("numberTitle"),
                labelled("published", regulation.attribute("publicationDate")),
                labelled("in force from", regulation.attribute("entryIntoForceDate")),
                regulation.text("publicationUrl")));
        for (XmlElement remark : regulation.all("remark")) {
            entry.remark(remark.text());
        }
    }

    /** The first wholeName is the name; every other is an alias; functions are positions; titles and gender remarks. */
    private static void nameAlias(XmlElement alias, EntryBuilder entry) {
        String whole = alias.attribute("wholeName");
        if (whole == null) {
            whole = Texts.join(
                    " ", alias.attribute("firstName"), alias.attribute("middleName"), alias.attribute("lastName"));
        }
        entry.name(whole);
        entry.position(alias.attribute("function"));
        String title = alias.attribute("title");
        if (title != null) {
            entry.remark("Title: " + title);
        }
        String gender = alias.attribute("gender");
        if (gender != null && !"?".equals(gender)) {
            entry.remark("Gender: " + ("M".equals(gender) ? "male" : "F".equals(gender) ? "female" : gender));
        }
        for (XmlElement remark : alias.all("remark")) {
            entry.remark(Texts.join(": ", whole, remark.text()));
        }
    }

    private static void citizenship(XmlElement citizenship, EntryBuilder entry) {
        String code = country(citizenship);
        if (code != null) {
            entry.nationalityCode(code);
        } else {
            String description = citizenship.attribute("countryDescription");
            if (description != null && !"UNKNOWN".equalsIgnoreCase(description)) {
                entry.nationality(description, "Citizenship");
            }
        }
        String region = citizenship.attribute("region");
        if (region != null) {
            entry.remark("Citizenship region: " + region);
        }
        for (XmlElement remark : citizenship.all("remark")) {
            entry.remark("Citizenship: " + remark.text());
        }
    }

    /** A full date, a partial one (year, month), a range of years; circa in front; the place to the birth places. */
    private static void birthdate(XmlElement birth, EntryBuilder entry) {
        String date = birthDateOf(birth);
        String calendar = birth.attribute("calendarType");
        if (date != null) {
            boolean circa = "true".equals(birth.attribute("circa"));
            String value = circa && !date.contains("/") ? "circa " + date : date;
            entry.birthDate(value);
            if (circa && date.contains("/")) {
                entry.remark("Date of birth " + date + ": circa");
            }
            if (calendar != null && !"GREGORIAN".equals(calendar)) {
                entry.remark("Date of birth " + date + ": " + calendar.toLowerCase(Locale.ROOT) + " calendar");
            }
        }
        String countryName = birth.attribute("countryDescription");
        if ("UNKNOWN".equalsIgnoreCase(countryName)) {
            countryName = null;
        }
        entry.birthPlace(Texts.join(
                ", ",
                birth.attribute("place"),
                birth.attribute("city"),
                birth.attribute("zipCode"),
                birth.attribute("region"),
                countryName));
        for (XmlElement remark : birth.all("remark")) {
            entry.remark("Date of birth: " + remark.text());
        }
    }

    private static String birthDateOf(XmlElement birth) {
        String full = birth.attribute("birthdate");
        if (full != null) {
            return full.length() > 10 ? full.substring(0, 10) : full;
        }
        String year = birth.attribute("year");
        String month = birth.attribute("monthOfYear");
        String day = birth.attribute("dayOfMonth");
        if (year != null) {
            if (month == null) {
                return year;
            }
            String yearMonth = year + "-" + pad(month);
            return day == null ? yearMonth : yearMonth + "-" + pad(day);
        }
        String from = birth.attribute("yearRangeFrom");
        String to = birth.attribute("yearRangeTo");
        if (from != null && to != null) {
            return from.equals(to) ? from : from + "/" + to;
        }
        return null;
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    private static void address(XmlElement address, EntryBuilder entry) {
        String code = country(address);
        String text = Texts.join(
                ", ",
                address.attribute("street"),
                labelled("PO Box", address.attribute("poBox")),
                address.attribute("zipCode"),
                address.attribute("city"),
                address.attribute("region"),
                address.attribute("place"));
        String description = address.attribute("countryDescription");
        if (code != null) {
            entry.address(text, code);
        } else {
            entry.address(text, description == null || "UNKNOWN".equalsIgnoreCase(description) ? null : description);
        }
        for (XmlElement contact : address.all("contactInfo")) {
            String key = contact.attribute("key");
            String value = contact.attribute("value");
            if (key != null && value != null) {
                entry.identifier(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"), value, null);
            }
        }
        for (XmlElement remark : address.all("remark")) {
            entry.remark(Texts.join(": ", "Address " + (text == null ? "" : text), remark.text()));
        }
    }

    /** The document's type and number; whatever else the list says of it (dates, issuer, flags) to the remarks. */
    private static void identification(XmlElement identification, EntryBuilder entry) {
        String number = identification.attribute("number");
        String latin = identification.attribute("latinNumber");
        String value = number != null ? number : latin;
        String code = identification.attribute("identificationTypeCode");
        String type = code == null ? "ID" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        String description = identification.attribute("identificationTypeDescription");
        String country = country(identification);
        String details = Texts.join(
                "; ",
                number != null && latin != null && !latin.equals(number) ? "latin " + latin : null,
                labelled("issued by", identification.attribute("issuedBy")),
                labelled("issued", identification.attribute("issueDate")),
                labelled("valid from", identification.attribute("validFrom")),
                labelled("valid to", identification.attribute("validTo")),
                labelled("name on document", identification.attribute("nameOnDocument")),
                labelled("region", identification.attribute("region")),
                flag(identification, "diplomatic"),
                flag(identification, "knownExpired"),
                flag(identification, "knownFalse"),
                flag(identification, "reportedLost"),
                flag(identification, "revokedByIssuer"),
                country == null ? identification.attribute("countryDescription") : null,
                Texts.join(
                        "; ",
                        identification.all("remark").stream()
                                .map(XmlElement::text)
                                .toArray(String[]::new)));
        if (value != null) {
            entry.identifier(type, value, country);
            if (details != null) {
                entry.remark((description == null ? type : description) + " " + value + ": " + details);
            }
        } else if (details != null || description != null) {
            entry.remark(Texts.join(": ", description == null ? type : description, details));
        }
    }

    private static String flag(XmlElement element, String attribute) {
        return "true".equals(element.attribute(attribute)) ? attribute : null;
    }

    /** The ISO code the element gives, when it is one ({@code 00} stands for unknown). */
    private static String country(XmlElement element) {
        String code = element.attribute("countryIso2Code");
        return Countries.isIsoCode(code) ? code : null;
    }

    private static String labelled(String label, String value) {
        return value == null ? null : label + " " + value;
    }
}
