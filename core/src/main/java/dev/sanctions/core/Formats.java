package dev.sanctions.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value formats docs/announcement-format.md name: country codes, full and partial dates, dates or instants. */
final class Formats {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> SUPRANATIONAL = Set.of("EU", "UN");
    private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private Formats() {}

    static boolean isIsoCountry(String code) {
        return code != null && ISO_COUNTRIES.contains(code);
    }

    static boolean isJurisdiction(String code) {
        return isIsoCountry(code) || SUPRANATIONAL.contains(code);
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, with a real month and day. */
    static boolean isFullOrPartialDate(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = PARTIAL_DATE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return true;
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return false;
        }
        if (m.group(3) == null) {
            return true;
        }
        int day = Integer.parseInt(m.group(3));
        return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** An ISO date ({@code 2022-04-12}) or an instant with offset or {@code Z} ({@code 2022-04-12T00:00:00Z}). */
    static boolean isDateOrInstant(String text) {
        if (text == null) {
            return false;
        }
        try {
            if (text.indexOf('T') < 0) {
                LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } else {
                OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
