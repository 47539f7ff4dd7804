package dev.sanctions.importers.ofac;

import dev.sanctions.avro.MeasureType;
import dev.sanctions.importers.EntryBuilder;
import java.util.List;
import java.util.Locale;

/**
 * What an OFAC listing means (docs/importers.md#measures). Every SDN blocks property: {@code ASSET_FREEZE}. The
 * non-SDN (CONSOLIDATED) lists each restrict something narrower, told by the program: sectoral sanctions (SSI,
 * {@code UKRAINE-EO13662}) are {@code SECTORAL_RESTRICTION}; correspondent and payable-through accounts (CAPTA) are
 * {@code FINANCIAL_SERVICES_BAN}; the Chinese military companies list (CMIC) is {@code INVESTMENT_BAN}; property that
 * U.S. persons must keep blocked (the Iran E.O. 13599 list) is {@code ASSET_FREEZE}; anything else (foreign
 * sanctions evaders, menu-based sanctions, the Palestinian Legislative Council list) is {@code OTHER} with the
 * program as detail, so a bank sees that a restriction exists without the importer claiming more than the list says.
 */
public final class OfacMeasures {
    public static final String SDN = "SDN";
    public static final String CONSOLIDATED = "CONSOLIDATED";

    private OfacMeasures() {}

    /** Adds the measures of one entry on {@code list} with {@code programs}. */
    public static void add(String list, List<String> programs, EntryBuilder entry) {
        if (SDN.equals(list)) {
            entry.measure(MeasureType.ASSET_FREEZE, null);
            return;
        }
        boolean any = false;
        for (String program : programs) {
            String p = program.toUpperCase(Locale.ROOT);
            if (p.equals("UKRAINE-EO13662") || p.contains("SSI") || p.startsWith("RUSSIA-EO14024")) {
                entry.measure(MeasureType.SECTORAL_RESTRICTION, program);
            } else if (p.contains("CAPTA")) {
                entry.measure(MeasureType.FINANCIAL_SERVICES_BAN, program);
            } else if (p.contains("CMIC")) {
                entry.measure(MeasureType.INVESTMENT_BAN, program);
            } else if (p.equals("IRAN")) {
                entry.measure(MeasureType.ASSET_FREEZE, program);
            } else {
                entry.measure(MeasureType.OTHER, program);
            }
            any = true;
        }
        if (!any) {
            entry.measure(MeasureType.OTHER, "OFAC non-SDN list");
        }
    }
}
