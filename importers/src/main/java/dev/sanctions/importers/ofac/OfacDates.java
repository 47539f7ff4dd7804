package dev.sanctions.importers.ofac;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OFAC's dates of birth: {@code 12 Mar 1971}, {@code Mar 1971}, {@code 1971}, {@code circa 1951},
 * {@code 1958 to 1960}, to the forms the announcement rules accept ({@code 1971-03-12}, {@code 1971-03},
 * {@code circa 1951}, {@code 1958/1960}).
 */
public final class OfacDates {
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2}) ([A-Za-z]{3})[a-z]* (\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3})[a-z]* (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern RANGE = Pattern.compile("(.+?) (?:to|-) (.+)");
    private static final Map<String, Integer> MONTHS = months();

    private OfacDates() {}

    /** The date in the rules' form; empty when the text is no date OFAC writes. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String date = text.strip();
        if (date.regionMatches(true, 0, "circa ", 0, 6)) {
            return single(date.substring(6).strip()).map(d -> "circa " + d);
        }
        Optional<String> single = single(date);
        if (single.isPresent()) {
            return single;
        }
        Matcher range = RANGE.matcher(date);
        if (range.matches()) {
            Optional<String> from = single(range.group(1));
            Optional<String> to = single(range.group(2));
            if (from.isPresent() && to.isPresent() && from.get().compareTo(to.get()) < 0) {
                return Optional.of(from.get() + "/" + to.get());
            }
        }
        return Optional.empty();
    }

    /** {@code MM/DD/YYYY}, the form of the XML's {@code Publish_Date}. */
    public static Optional<LocalDate> publishDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})").matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> single(String text) {
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        if (dmy.matches()) {
            Integer month = MONTHS.get(dmy.group(2).toLowerCase(Locale.ROOT));
            if (month == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(dmy.group(3)), month, Integer.parseInt(dmy.group(1)))
                        .toString());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher my = MONTH_YEAR.matcher(text);
        if (my.matches()) {
            Integer month = MONTHS.get(my.group(1).toLowerCase(Locale.ROOT));
            return month == null ? Optional.empty() : Optional.of(my.group(2) + "-" + (month < 10 ? "0" : "") + month);
        }
        return YEAR.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        for (Month month : Month.values()) {
            months.put(
                    month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), month.getValue());
        }
        months.put("sept", 9);
        return Map.copyOf(months);
    }
}
