package dev.sanctions.importers;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Country names as official lists write them, to ISO 3166-1 alpha-2 codes: the one mapping every importer uses. It
 * knows the JDK's English names of every ISO country and the other names lists use ({@code Russian Federation},
 * {@code Iran (Islamic Republic of)}, {@code Korea, North} ...). Matching ignores case, accents, punctuation and a
 * leading "the". A name it does not know maps to nothing; the importer then keeps the name in the entry's remarks.
 */
public final class Countries {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /** Names the lists use that are not the JDK's English name of the country. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("Russian Federation", "RU"),
            Map.entry("Iran (Islamic Republic of)", "IR"),
            Map.entry("Iran, Islamic Republic of", "IR"),
            Map.entry("Islamic Republic of Iran", "IR"),
            Map.entry("Korea, North", "KP"),
            Map.entry("North Korea", "KP"),
            Map.entry("Democratic People's Republic of Korea", "KP"),
            Map.entry("Korea, Democratic People's Republic of", "KP"),
            Map.entry("Korea (Democratic People's Republic of)", "KP"),
            Map.entry("DPRK", "KP"),
            Map.entry("Korea, South", "KR"),
            Map.entry("Republic of Korea", "KR"),
            Map.entry("Korea, Republic of", "KR"),
            Map.entry("Korea (Republic of)", "KR"),
            Map.entry("Syrian Arab Republic", "SY"),
            Map.entry("Viet Nam", "VN"),
            Map.entry("United Kingdom of Great Britain and Northern Ireland", "GB"),
            Map.entry("Great Britain", "GB"),
            Map.entry("UK", "GB"),
            Map.entry("United States of America", "US"),
            Map.entry("USA", "US"),
            Map.entry("Bolivia (Plurinational State of)", "BO"),
            Map.entry("Venezuela (Bolivarian Republic of)", "VE"),
            Map.entry("Venezuela, Bolivarian Republic of", "VE"),
            Map.entry("Lao People's Democratic Republic", "LA"),
            Map.entry("Republic of Moldova", "MD"),
            Map.entry("Moldova, Republic of", "MD"),
            Map.entry("United Republic of Tanzania", "TZ"),
            Map.entry("Tanzania, United Republic of", "TZ"),
            Map.entry("Burma", "MM"),
            Map.entry("Myanmar", "MM"),
            Map.entry("Democratic Republic of the Congo", "CD"),
            Map.entry("Congo, Democratic Republic of the", "CD"),
            Map.entry("Congo, The Democratic Republic of the", "CD"),
            Map.entry("Congo (Democratic Republic of the)", "CD"),
            Map.entry("Congo, Democratic Republic", "CD"),
            Map.entry("Congo", "CG"),
            Map.entry("Republic of the Congo", "CG"),
            Map.entry("Congo, Republic of the", "CG"),
            Map.entry("Cote d'Ivoire", "CI"),
            Map.entry("Ivory Coast", "CI"),
            Map.entry("Bosnia and Herzegovina", "BA"),
            Map.entry("Bosnia-Herzegovina", "BA"),
            Map.entry("Hong Kong", "HK"),
            Map.entry("China, Hong Kong Special Administrative Region", "HK"),
            Map.entry("Macau", "MO"),
            Map.entry("Macao", "MO"),
            Map.entry("Turkey", "TR"),
            Map.entry("Turkiye", "TR"),
            Map.entry("Czech Republic", "CZ"),
            Map.entry("Slovak Republic", "SK"),
            Map.entry("Kyrgyz Republic", "KG"),
            Map.entry("Macedonia", "MK"),
            Map.entry("The former Yugoslav Republic of Macedonia", "MK"),
            Map.entry("Swaziland", "SZ"),
            Map.entry("Cabo Verde", "CV"),
            Map.entry("Micronesia (Federated States of)", "FM"),
            Map.entry("Micronesia, Federated States of", "FM"),
            Map.entry("Brunei Darussalam", "BN"),
            Map.entry("East Timor", "TL"),
            Map.entry("Holy See", "VA"),
            Map.entry("Palestine", "PS"),
            Map.entry("State of Palestine", "PS"),
            Map.entry("Palestine, State of", "PS"),
            Map.entry("Palestinian", "PS"),
            Map.entry("Occupied Palestinian Territory", "PS"),
            Map.entry("Saint Kitts and Nevis", "KN"),
            Map.entry("Saint Lucia", "LC"),
            Map.entry("Saint Vincent and the Grenadines", "VC"),
            Map.entry("Sao Tome and Principe", "ST"),
            Map.entry("Antigua and Barbuda", "AG"),
            Map.entry("Trinidad and Tobago", "TT"),
            Map.entry("Turks and Caicos Islands", "TC"),
            Map.entry("Saint Martin", "MF"),
            Map.entry("Sint Maarten", "SX"),
            Map.entry("Curacao", "CW"),
            Map.entry("Taiwan, Province of China", "TW"),
            Map.entry("China, Taiwan", "TW"),
            Map.entry("Virgin Islands, British", "VG"),
            Map.entry("British Virgin Islands", "VG"),
            Map.entry("Virgin Islands, U.S.", "VI"),
            Map.entry("Falkland Islands (Malvinas)", "FK"),
            Map.entry("Libyan Arab Jamahiriya", "LY"),
            Map.entry("Gambia, The", "GM"),
            Map.entry("Bahamas, The", "BS"),
            Map.entry("Netherlands Antilles", "CW"),
            Map.entry("Eswatini", "SZ"),
            Map.entry("Timor-Leste", "TL"),
            Map.entry("Vatican City", "VA"),
            Map.entry("Yemen, Republic of", "YE"),
            Map.entry("Republic of Yemen", "YE"));

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = byName();

    private Countries() {}

    /**
     * The ISO 3166-1 alpha-2 code of a country name (or of a code, upper or lower case); empty for names no list
     * mapping knows, e.g. historical states ({@code Soviet Union}) or regions.
     */
    public static Optional<String> code(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(key(name)));
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 code the rules accept. */
    public static boolean isIsoCode(String code) {
        return code != null && ISO.contains(code);
    }

    private static Map<String, String> byName() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            String english = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            names.put(key(english), code);
            // "Myanmar (Burma)": the name before the parenthesis as well.
            int paren = english.indexOf(" (");
            if (paren > 0) {
                names.putIfAbsent(key(english.substring(0, paren)), code);
            }
            names.putIfAbsent(key(code), code);
        }
        ALIASES.forEach((name, code) -> names.put(key(name), code));
        return Map.copyOf(names);
    }

    /** Lower case, no accents, words joined by one space, "and" for "&", no leading "the". */
    static String key(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replace('\u2019', '\'');
        String words = NOT_WORD.matcher(folded.replace("'", "")).replaceAll(" ").strip();
        return words.startsWith("the ") ? words.substring(4) : words;
    }
}
