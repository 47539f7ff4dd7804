package dev.sanctions.importers.ofacxml;

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
import dev.sanctions.importers.ofac.OfacDates;
import dev.sanctions.importers.ofac.OfacIdentifiers;
import dev.sanctions.importers.ofac.OfacMeasures;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OFAC's legacy XML ({@code sdnList}, docs/importers.md#ofac-xml): {@code SDN.XML} for the SDN list,
 * {@code CONSOLIDATED.XML} for the non-SDN lists. One id space serves every OFAC list and an entity may be on
 * several, so the target id carries the list: {@code SDN-36}, {@code CONSOLIDATED-11317}.
 */
public final class OfacXmlFormat implements ListFormat {

    static final String NAMESPACE = "http://tempuri.org/sdnList.xsd";

    @Override
    public String name() {
        return "ofac-xml";
    }

    @Override
    public String authority() {
        return "US-OFAC";
    }

    @Override
    public String jurisdiction() {
        return "US";
    }

    @Override
    public String title(String list) {
        return OfacMeasures.SDN.equals(list)
                ? "OFAC Specially Designated Nationals and Blocked Persons (SDN) list"
                : "OFAC Consolidated Sanctions List (non-SDN lists)";
    }

    @Override
    public String sourceUrl(String list) {
        return OfacMeasures.SDN.equals(list)
                ? "https://www.treasury.gov/ofac/downloads/sdn.xml"
                : "https://www.treasury.gov/ofac/downloads/consolidated/consolidated.xml";
    }

    @Override
    public ListMetadata read(List<Path> files, Optional<String> listOption, EntrySink sink) throws ListFileException {
        Path file = onlyFile(files, "SDN.XML or CONSOLIDATED.XML");
        String list = listOption.orElseGet(() -> listOf(file));
        if (list == null) {
            throw new ListFileException(
                    new SourcePosition(file, 0),
                    "cannot tell the list from the file name '" + file.getFileName()
                            + "': name it SDN.XML or CONSOLIDATED.XML, or give --list SDN or --list CONSOLIDATED");
        }
        Instant[] published = {null};
        XmlEntries.read(
                file, "sdnList", NAMESPACE, Set.of("publshInformation"), Set.of("sdnEntry"), new XmlEntries.Handler() {
                    @Override
                    public void root(Map<String, String> attributes, SourcePosition at) {
                        // the root carries no data
                    }

                    @Override
                    public void header(XmlElement element, SourcePosition at) throws ListFileException {
                        String date = element.text("Publish_Date");
                        if (date != null) {
                            LocalDate day = OfacDates.publishDate(date)
                                    .orElseThrow(() -> new ListFileException(
                                            at, "Publish_Date '" + date + "' is not a date MM/DD/YYYY"));
                            published[0] = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                        }
                        // Record_Count is not checked: excerpts keep it, and a cut file is malformed XML anyway.
                    }

                    @Override
                    public void entry(XmlElement element, SourcePosition at) {
                        entryOf(list, element, at, sink);
                    }
                });
        return new ListMetadata(Optional.ofNullable(published[0]), list);
    }

    /** SDN.XML holds the SDN list; CONSOLIDATED.XML (and cons*.xml) the non-SDN lists. */
    static String listOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        if (lower.startsWith("sdn")) {
            return OfacMeasures.SDN;
        }
        if (lower.startsWith("cons")) {
            return OfacMeasures.CONSOLIDATED;
        }
        return null;
    }

    private static void entryOf(String list, XmlElement element, SourcePosition at, EntrySink sink) {
        String uid = element.text("uid");
        if (uid == null || !uid.matches("\\d{1,18}")) {
            sink.problem(at, "<sdnEntry> has no numeric uid, the id of its designation");
            return;
        }
        String type = element.text("sdnType");
        TargetKind kind = kind(type);
        if (kind == null) {
            sink.problem(at, "sdnType '" + type + "' is none of Individual, Entity, Vessel, Aircraft");
            return;
        }
        EntryBuilder entry = new EntryBuilder(list + "-" + uid, kind);
        entry.name(name(element));
        entry.position(element.text("title"));
        entry.remark(element.text("remarks"));
        List<String> programs = element.first("programList").map(p -> p.all("program")).orElse(List.of()).stream()
                .map(p -> Texts.clean(p.text()))
                .filter(p -> p != null)
                .toList();
        programs.forEach(entry::program);
        OfacMeasures.add(list, programs, entry);
        for (XmlElement id : children(element, "idList", "id")) {
            identifier(id, entry);
        }
        for (XmlElement aka : children(element, "akaList", "aka")) {
            entry.alias(name(aka));
        }
        for (XmlElement address : children(element, "addressList", "address")) {
            entry.address(
                    Texts.join(
                            ", ",
                            address.text("address1"),
                            address.text("address2"),
                            address.text("address3"),
                            address.text("city"),
                            address.text("stateOrProvince"),
                            address.text("postalCode")),
                    address.text("country"));
        }
        for (XmlElement nationality : children(element, "nationalityList", "nationality")) {
            entry.nationality(nationality.text("country"), "Nationality");
        }
        for (XmlElement citizenship : children(element, "citizenshipList", "citizenship")) {
            entry.nationality(citizenship.text("country"), "Citizenship");
        }
        for (XmlElement dob : children(element, "dateOfBirthList", "dateOfBirthItem")) {
            String text = dob.text("dateOfBirth");
            if (text != null) {
                Optional<String> date = OfacDates.parse(text);
                if (date.isPresent()) {
                    entry.birthDate(date.get());
                } else {
                    entry.remark("DOB " + text);
                }
            }
        }
        for (XmlElement pob : children(element, "placeOfBirthList", "placeOfBirthItem")) {
            entry.birthPlace(pob.text("placeOfBirth"));
        }
        element.first("vesselInfo").ifPresent(vessel -> vessel(vessel, entry));
        if (!entry.hasName()) {
            sink.problem(at, "entry " + uid + " has no lastName");
            return;
        }
        sink.entry(entry.build(), at);
    }

    /** {@code lastName, firstName}, as OFAC's delimited files write SDN_Name. */
    private static String name(XmlElement element) {
        return Texts.join(", ", element.text("lastName"), element.text("firstName"));
    }

    static TargetKind kind(String sdnType) {
        if (sdnType == null) {
            return null;
        }
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> TargetKind.PERSON;
            case "entity" -> TargetKind.ORGANIZATION;
            case "vessel" -> TargetKind.VESSEL;
            case "aircraft" -> TargetKind.AIRCRAFT;
            default -> null;
        };
    }

    private static void identifier(XmlElement id, EntryBuilder entry) {
        String label = id.text("idType");
        String number = id.text("idNumber");
        if (label == null || number == null) {
            entry.remark(Texts.join(" ", label, number, id.text("idCountry")));
            return;
        }
        if (OfacIdentifiers.isStatement(label)) {
            entry.remark(label + " " + number);
            return;
        }
        String type = OfacIdentifiers.type(label);
        String value = OfacIdentifiers.value(type, number);
        entry.identifier(type, value, id.text("idCountry"));
        String dates = Texts.join(
                "; ", labelled("issued", id.text("issueDate")), labelled("expires", id.text("expirationDate")));
        if (dates != null) {
            entry.remark(label + " " + number + ": " + dates);
        }
    }

    private static void vessel(XmlElement vessel, EntryBuilder entry) {
        String callSign = vessel.text("callSign");
        if (callSign != null) {
            entry.identifier("CALL_SIGN", callSign, null);
        }
        String flag = vessel.text("vesselFlag");
        if (flag != null) {
            entry.nationality(flag, "Vessel flag");
        }
        entry.remark(labelled("Vessel type:", vessel.text("vesselType")));
        entry.remark(labelled("Vessel owner:", vessel.text("vesselOwner")));
        entry.remark(labelled("Tonnage:", vessel.text("tonnage")));
        entry.remark(labelled("Gross registered tonnage:", vessel.text("grossRegisteredTonnage")));
    }

    private static List<XmlElement> children(XmlElement element, String list, String item) {
        return element.first(list).map(l -> l.all(item)).orElse(List.of());
    }

    private static String labelled(String label, String value) {
        return value == null ? null : label + " " + value;
    }
}
