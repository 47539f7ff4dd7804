package dev.sanctions.importers.ofac;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OFAC's identifier labels (the XML's {@code idType}, the CSV's Remarks) to identifier types: the common ones to the
 * project's short names ({@code Passport} → {@code PASSPORT}, {@code SWIFT/BIC} → {@code SWIFT_BIC}, {@code Vessel
 * Registration Identification} → {@code IMO}), every other label upper-cased with {@code _} between words, so the
 * label is never lost ({@code Digital Currency Address - XBT} → {@code DIGITAL_CURRENCY_ADDRESS_XBT}).
 */
public final class OfacIdentifiers {

    /** Labels of identifiers that sit in the CSV's Remarks, longest first so that prefixes do not win. */
    static final List<String> LABELS = List.of(
                    "Passport",
                    "Diplomatic Passport",
                    "National ID No.",
                    "Identification Number",
                    "Cedula No.",
                    "Tax ID No.",
                    "SSN",
                    "Registration ID",
                    "Registration Number",
                    "Company Number",
                    "Business Registration Number",
                    "Business Registration Document #",
                    "Commercial Registry Number",
                    "Chamber of Commerce Number",
                    "Government Gazette Number",
                    "Legal Entity Number",
                    "Italian Fiscal Code",
                    "Fiscal Code",
                    "NIT #",
                    "RFC",
                    "CURP",
                    "RUC #",
                    "C.U.I.T.",
                    "D-U-N-S Number",
                    "UK Company Number",
                    "Trade License No.",
                    "Public Security and Immigration No.",
                    "Driver's License No.",
                    "Residency Number",
                    "Birth Certificate Number",
                    "Electoral Registry No.",
                    "Personal ID Card",
                    "Serial No.",
                    "License",
                    "Vessel Registration Identification",
                    "MMSI",
                    "SWIFT/BIC",
                    "Website",
                    "Email Address",
                    "Phone Number",
                    "Aircraft Manufacturer's Serial Number (MSN)",
                    "Aircraft Construction Number (also called L/N or S/N or F/N)",
                    "Aircraft Tail Number",
                    "Aircraft Mode S Transponder Code",
                    "Previous Aircraft Tail Number")
            .stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    /** {@code Digital Currency Address - XBT}: one label per currency, the currency part of the type. */
    private static final Pattern DIGITAL_CURRENCY = Pattern.compile("(Digital Currency Address - [A-Z0-9]+) ");

    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("passport", "PASSPORT"),
            Map.entry("national id no.", "NATIONAL_ID"),
            Map.entry("tax id no.", "TAX_ID"),
            Map.entry("vessel registration identification", "IMO"),
            Map.entry("swift/bic", "SWIFT_BIC"),
            Map.entry("email address", "EMAIL"),
            Map.entry("website", "WEBSITE"),
            Map.entry("phone number", "PHONE"),
            Map.entry("call sign", "CALL_SIGN"));

    private OfacIdentifiers() {}

    /** The identifier type of a label. */
    public static String type(String label) {
        String shortType = SHORT.get(label.strip().toLowerCase(Locale.ROOT));
        if (shortType != null) {
            return shortType;
        }
        String code =
                label.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return code.isEmpty() ? "ID" : code;
    }

    /** The value without the label's own prefix: {@code IMO 9187629} of a vessel registration is {@code 9187629}. */
    public static String value(String type, String value) {
        if (type.equals("IMO") && value.regionMatches(true, 0, "IMO ", 0, 4)) {
            return value.substring(4).strip();
        }
        return value;
    }

    /**
     * Whether an {@code idType} is in truth a statement (it ends in {@code -} or {@code :}: {@code Additional
     * Sanctions Information -}, {@code For more information, please see:}), which belongs in the remarks.
     */
    public static boolean isStatement(String label) {
        String stripped = label.strip();
        return stripped.endsWith("-") || stripped.endsWith(":");
    }

    /** The label a Remarks segment starts with, when it names an identifier. */
    static Optional<String> labelOf(String segment) {
        Matcher currency = DIGITAL_CURRENCY.matcher(segment);
        if (currency.lookingAt()) {
            return Optional.of(currency.group(1));
        }
        for (String label : LABELS) {
            if (segment.startsWith(label + " ")) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }
}
