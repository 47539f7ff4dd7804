package dev.sanctions.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The value formats docs/announcement-format.md name: country codes, full and partial dates, birth dates, dates or
 * instants, list ids.
 */
final class Formats {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> SUPRANATIONAL = Set.of("EU", "UN");
    private static final String CIRCA = "circa ";

    private Formats() {}

    // The formats below are matched character by character rather than by regular expressions: the fold checks
    // them on every announcement it applies, and matchers were a tenth of its time. The tests hold the expressions.

    /** {@code [A-Z0-9-]{1,32}}. */
    static boolean isListId(String text) {
        if (text == null || text.isEmpty() || text.length() > 32) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isUpperDigitOrHyphen(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9._:-]{1,200}}. */
    static boolean isAnnouncementId(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isUpperDigitOrHyphen(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '_' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Z][A-Z0-9-]{1,31}}. */
    static boolean isAuthority(String text) {
        if (text == null || text.length() < 2 || text.length() > 32) {
            return false;
        }
        char first = text.charAt(0);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!isUpperDigitOrHyphen(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperDigitOrHyphen(char c) {
        return (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
        // (\d{4})(?:-(\d{2})(?:-(\d{2}))?)?
        int length = text.length();
        if (!(length == 4 || length == 7 || length == 10) || !digits(text, 0, 4)) {
            return false;
        }
        int year = number(text, 0, 4);
        if (length == 4) {
            return true;
        }
        if (text.charAt(4) != '-' || !digits(text, 5, 7)) {
            return false;
        }
        int month = number(text, 5, 7);
        if (month < 1 || month > 12) {
            return false;
        }
        if (length == 7) {
            return true;
        }
        if (text.charAt(7) != '-' || !digits(text, 8, 10)) {
            return false;
        }
        int day = number(text, 8, 10);
        return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII digits from {@code from} to {@code to} as a number. */
    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
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
        // YYYY-MM-DD with a real month and day is what ISO_LOCAL_DATE accepts in that length; it settles the
        // common case without the formatter, which every announcement's effectiveFrom went through.
        if (text.length() == 10 && isFullOrPartialDate(text)) {
            return true;
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
