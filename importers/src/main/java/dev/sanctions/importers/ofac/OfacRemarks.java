package dev.sanctions.importers.ofac;

import dev.sanctions.importers.Countries;
import dev.sanctions.importers.EntryBuilder;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Remarks of OFAC's delimited files: {@code DOB 12 Mar 1971; POB Riyadh, Saudi Arabia; nationality Iran;
 * Passport A123 (Iran) issued 18 Jan 1984; a.k.a. 'TARIQ'.} Each segment a field can hold whole goes to that field
 * (birth dates and places, nationalities, citizenships, weak aliases, identifiers); a segment with more than the
 * field can hold (a passport's issue date) goes to the field and stays in the remarks as well; every other segment
 * stays in the remarks as written. So nothing of the Remarks is lost.
 */
public final class OfacRemarks {
    private static final Pattern SEGMENT_END = Pattern.compile(";\\s+");
    private static final Pattern ALIAS = Pattern.compile("(?:a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.) '(.*)'");
    /** value, then an optional (country), then an optional rest such as "issued 18 Jan 1984". */
    private static final Pattern VALUE = Pattern.compile(
            "(.+?)(?: \\(([^()]+)\\))?(?: ((?:issued|expires|Issue Date|Expiration Date|Issuing|valid|alt\\.).*))?");

    private OfacRemarks() {}

    /**
     * Applies the remarks to the entry.
     *
     * @param remarks  the Remarks (with the continuation of {@code sdn_comments.csv} appended)
     * @param complete false when the text was cut off (OFAC's column holds 1,000 characters and the continuation
     *                 file was not given): its last segment is then kept only as a remark, never parsed half
     */
    public static void apply(String remarks, boolean complete, EntryBuilder entry) {
        if (remarks == null || remarks.isBlank()) {
            return;
        }
        String text = remarks.strip();
        if (complete && text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] segments = SEGMENT_END.split(text);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].strip();
            if (segment.isEmpty()) {
                continue;
            }
            boolean cutOff = !complete && i == segments.length - 1;
            if (cutOff || !applySegment(segment, entry)) {
                entry.remark(segment);
            }
        }
    }

    /** True when the fields now hold all of the segment. */
    private static boolean applySegment(String segment, EntryBuilder entry) {
        String core = segment.startsWith("alt. ") ? segment.substring(5) : segment;
        if (core.startsWith("DOB ")) {
            Optional<String> date = OfacDates.parse(core.substring(4));
            date.ifPresent(entry::birthDate);
            return date.isPresent();
        }
        if (core.startsWith("POB ")) {
            entry.birthPlace(core.substring(4));
            return true;
        }
        if (core.startsWith("nationality ") || core.startsWith("citizen ")) {
            String country = core.substring(core.indexOf(' ') + 1);
            Optional<String> code = Countries.code(country);
            code.ifPresent(entry::nationalityCode);
            return code.isPresent();
        }
        Matcher alias = ALIAS.matcher(core);
        if (alias.matches()) {
            entry.alias(alias.group(1));
            return true;
        }
        Optional<String> label = OfacIdentifiers.labelOf(core);
        if (label.isPresent()) {
            return identifier(label.get(), core.substring(label.get().length() + 1), entry);
        }
        return false;
    }

    private static boolean identifier(String label, String rest, EntryBuilder entry) {
        String type = OfacIdentifiers.type(label);
        Matcher m = VALUE.matcher(rest.strip());
        if (!m.matches()) {
            return false;
        }
        String value = m.group(1);
        String country = m.group(2);
        String trailing = m.group(3);
        Optional<String> code = country == null ? Optional.empty() : Countries.code(country);
        if (country != null && code.isEmpty()) {
            // "(also known as ...)" or a country no code names: the value is the whole text, the segment a remark.
            entry.identifier(type, OfacIdentifiers.value(type, rest.strip()), null);
            return false;
        }
        entry.identifier(type, OfacIdentifiers.value(type, value), code.orElse(null));
        return trailing == null;
    }
}
