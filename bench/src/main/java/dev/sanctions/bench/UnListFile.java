package dev.sanctions.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic UN Security Council consolidated list ({@code CONSOLIDATED_LIST}, the {@code un-xml} import
 * format) shaped like the real one: about four individuals to one entity, each with a reference number, names, a
 * program, a listing date, a comment, and some aliases (one in original script), nationalities, addresses, dates and
 * places of birth and documents. The same seed gives the same entries; a later edition changes a given fraction of
 * them (one alias more each, chosen by the seed) and keeps the others byte for byte.
 */
final class UnListFile {

    private static final List<String> SYLLABLES = List.of(
            "ab", "al", "am", "an", "ar", "as", "ba", "da", "di", "el", "fa", "ha", "hu", "ib", "ja", "ka", "kh", "la",
            "ma", "mo", "na", "nu", "ra", "ri", "sa", "sh", "ta", "ul", "wa", "ya", "za", "zu");
    private static final List<String> COUNTRIES = List.of(
            "Afghanistan",
            "Iraq",
            "Libya",
            "Mali",
            "Somalia",
            "Yemen",
            "Sudan",
            "Syrian Arab Republic",
            "Pakistan",
            "Democratic People's Republic of Korea",
            "Democratic Republic of the Congo",
            "Central African Republic");
    private static final List<String> PROGRAMS = List.of("Al-Qaida", "Taliban", "DRC", "Libya", "Somalia", "DPRK");
    private static final List<String> PREFIXES = List.of("QD", "TA", "CD", "LY", "SO", "KP");

    private UnListFile() {}

    /**
     * Writes {@code entries} entries generated from {@code seed}, dated {@code generated}; of them a fraction {@code
     * changed} (0 for the first edition) differs from the first edition by one more alias.
     */
    static void write(Path file, int entries, long seed, Instant generated, double changed) {
        SplittableRandom changes = new SplittableRandom(seed ^ generated.toEpochMilli());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            out.write("<CONSOLIDATED_LIST xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                    + " xsi:noNamespaceSchemaLocation=\"https://www.un.org/sc/resources/sc-sanctions.xsd\""
                    + " dateGenerated=\"" + generated + "\">\n");
            StringBuilder individuals = new StringBuilder();
            StringBuilder entities = new StringBuilder();
            out.write("  <INDIVIDUALS>\n");
            for (int i = 0; i < entries; i++) {
                boolean more = changes.nextDouble() < changed;
                if (i % 5 != 4) {
                    individuals.setLength(0);
                    individual(individuals, i, new SplittableRandom(seed + i), more);
                    out.write(individuals.toString());
                }
            }
            out.write("  </INDIVIDUALS>\n  <ENTITIES>\n");
            changes = new SplittableRandom(seed ^ generated.toEpochMilli());
            for (int i = 0; i < entries; i++) {
                boolean more = changes.nextDouble() < changed;
                if (i % 5 == 4) {
                    entities.setLength(0);
                    entity(entities, i, new SplittableRandom(seed + i), more);
                    out.write(entities.toString());
                }
            }
            out.write("  </ENTITIES>\n</CONSOLIDATED_LIST>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the list " + file + ": " + e.getMessage(), e);
        }
    }

    private static void individual(StringBuilder xml, int index, SplittableRandom random, boolean extraAlias) {
        int program = random.nextInt(PROGRAMS.size());
        xml.append("    <INDIVIDUAL>\n");
        common(xml, index, random, program, "i");
        element(xml, "SECOND_NAME", name(random).toUpperCase(Locale.ROOT));
        element(xml, "NAME_ORIGINAL_SCRIPT", "\u0639\u0628\u062f " + index);
        comments(xml, random, index);
        values(xml, "NATIONALITY", pick(random, COUNTRIES));
        values(xml, "LIST_TYPE", "UN List");
        aliases(xml, "INDIVIDUAL_ALIAS", random, extraAlias, index);
        address(xml, "INDIVIDUAL_ADDRESS", random);
        xml.append("      <INDIVIDUAL_DATE_OF_BIRTH>\n");
        element(xml, "TYPE_OF_DATE", "EXACT");
        element(xml, "DATE", (1940 + random.nextInt(50)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
        xml.append("      </INDIVIDUAL_DATE_OF_BIRTH>\n");
        xml.append("      <INDIVIDUAL_PLACE_OF_BIRTH>\n");
        element(xml, "CITY", capitalised(name(random)));
        element(xml, "COUNTRY", pick(random, COUNTRIES));
        xml.append("      </INDIVIDUAL_PLACE_OF_BIRTH>\n");
        if (random.nextInt(3) == 0) {
            xml.append("      <INDIVIDUAL_DOCUMENT>\n");
            element(xml, "TYPE_OF_DOCUMENT", "Passport");
            element(xml, "NUMBER", "P" + (1_000_000 + index));
            element(xml, "ISSUING_COUNTRY", pick(random, COUNTRIES));
            xml.append("      </INDIVIDUAL_DOCUMENT>\n");
        } else {
            xml.append("      <INDIVIDUAL_DOCUMENT/>\n");
        }
        xml.append("      <SORT_KEY/>\n      <SORT_KEY_LAST_MOD/>\n    </INDIVIDUAL>\n");
    }

    private static void entity(StringBuilder xml, int index, SplittableRandom random, boolean extraAlias) {
        int program = random.nextInt(PROGRAMS.size());
        xml.append("    <ENTITY>\n");
        common(xml, index, random, program, "e");
        comments(xml, random, index);
        values(xml, "LIST_TYPE", "UN List");
        aliases(xml, "ENTITY_ALIAS", random, extraAlias, index);
        address(xml, "ENTITY_ADDRESS", random);
        xml.append("      <SORT_KEY/>\n      <SORT_KEY_LAST_MOD/>\n    </ENTITY>\n");
    }

    private static void common(StringBuilder xml, int index, SplittableRandom random, int program, String kind) {
        element(xml, "DATAID", Integer.toString(100_000 + index));
        element(xml, "VERSIONNUM", "1");
        element(xml, "FIRST_NAME", name(random).toUpperCase(Locale.ROOT));
        element(xml, "UN_LIST_TYPE", PROGRAMS.get(program));
        element(xml, "REFERENCE_NUMBER", PREFIXES.get(program) + kind + "." + (1000 + index));
        element(
                xml,
                "LISTED_ON",
                (2001 + random.nextInt(24)) + "-0" + (1 + random.nextInt(9)) + "-2" + random.nextInt(9));
    }

    private static void comments(StringBuilder xml, SplittableRandom random, int index) {
        element(
                xml,
                "COMMENTS1",
                "Review pursuant to Security Council resolution " + (1800 + random.nextInt(800)) + " ("
                        + (2008 + random.nextInt(16)) + ") was concluded on " + (1 + random.nextInt(28))
                        + " November 2022. Associated with entry " + index + ". INTERPOL-UN Security Council"
                        + " Special Notice web link:https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices");
    }

    private static void aliases(StringBuilder xml, String element, SplittableRandom random, boolean extra, int index) {
        int count = random.nextInt(5);
        for (int a = 0; a < count; a++) {
            alias(
                    xml,
                    element,
                    a % 2 == 0 ? "Good" : "Low",
                    capitalised(name(random)) + " " + capitalised(name(random)));
        }
        if (extra) {
            // Drawn from no generator, so everything else of the entry stays as in the first edition.
            alias(xml, element, "Low", "Later Alias " + index);
        }
    }

    private static void alias(StringBuilder xml, String element, String quality, String name) {
        xml.append("      <").append(element).append(">\n");
        element(xml, "QUALITY", quality);
        element(xml, "ALIAS_NAME", name);
        xml.append("      </").append(element).append(">\n");
    }

    private static void address(StringBuilder xml, String element, SplittableRandom random) {
        xml.append("      <").append(element).append(">\n");
        element(xml, "CITY", capitalised(name(random)));
        element(xml, "COUNTRY", pick(random, COUNTRIES));
        xml.append("      </").append(element).append(">\n");
    }

    private static void values(StringBuilder xml, String element, String value) {
        xml.append("      <").append(element).append(">\n");
        xml.append("        <VALUE>").append(escaped(value)).append("</VALUE>\n");
        xml.append("      </").append(element).append(">\n");
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append("      <")
                .append(name)
                .append('>')
                .append(escaped(text))
                .append("</")
                .append(name)
                .append(">\n");
    }

    private static String name(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int s = 0; s < syllables; s++) {
            name.append(pick(random, SYLLABLES));
        }
        return name.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&apos;");
    }
}
