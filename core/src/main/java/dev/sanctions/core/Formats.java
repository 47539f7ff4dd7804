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

/**
 * The value formats docs/announcement-format.md name: country codes, full and partial dates, birth dates, dates or
 * instants, list ids.
 */
final class Formats {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> SUPRANATIONAL = Set.of("EU", "UN");
    private static final Pattern LIST_ID = Pattern.compile("[A-Z0-9-]{1,32}");
    private static final String CIRCA = "circa ";
    private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private Formats() {}

    static boolean isListId(String text) {
        return text != null && LIST_ID.matcher(text).matches();
    }

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

    /**
     * A birth date as official lists give them: a full or partial date ({@code 1960-05-01}, {@code 1960-05},
     * {@code 1960}), one preceded by {@code circa } ({@code circa 1960}), or a range of two such dates, the first not
     * after the second ({@code 1958/1960}).
     */
    static boolean isBirthDate(String text) {
        if (text == null) {
            return false;
        }
        if (text.startsWith(CIRCA)) {
            return isFullOrPartialDate(text.substring(CIRCA.length()));
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return isFullOrPartialDate(text);
        }
        String from = text.substring(0, slash);
        String to = text.substring(slash + 1);
        // Partial dates of one precision compare as strings; "1958" before "1960-05" also holds lexically.
        return isFullOrPartialDate(from) && isFullOrPartialDate(to) && from.compareTo(to) < 0;
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
