package dev.sanctions.importers;

import dev.sanctions.importers.euxml.EuXmlFormat;
import dev.sanctions.importers.ofaccsv.OfacCsvFormat;
import dev.sanctions.importers.ofacxml.OfacXmlFormat;
import dev.sanctions.importers.unxml.UnXmlFormat;
import java.util.List;
import java.util.Optional;

/** Every format by its command-line name. */
public final class ListFormats {
    private static final List<ListFormat> ALL =
            List.of(new OfacCsvFormat(), new OfacXmlFormat(), new UnXmlFormat(), new EuXmlFormat());

    private ListFormats() {}

    public static List<ListFormat> all() {
        return ALL;
    }

    public static Optional<ListFormat> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** {@code ofac-csv, ofac-xml, un-xml, eu-xml}. */
    public static List<String> names() {
        return ALL.stream().map(ListFormat::name).toList();
    }
}
