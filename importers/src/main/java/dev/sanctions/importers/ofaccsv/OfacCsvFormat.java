package dev.sanctions.importers.ofaccsv;

import dev.sanctions.avro.TargetKind;
import dev.sanctions.importers.EntryBuilder;
import dev.sanctions.importers.EntrySink;
import dev.sanctions.importers.ListFileException;
import dev.sanctions.importers.ListFormat;
import dev.sanctions.importers.ListMetadata;
import dev.sanctions.importers.SourcePosition;
import dev.sanctions.importers.ofac.OfacMeasures;
import dev.sanctions.importers.ofac.OfacRemarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * OFAC's legacy delimited files of the SDN list (docs/importers.md#ofac-csv): {@code sdn.csv} one row per entry,
 * joined by {@code ent_num} with the aliases of {@code alt.csv}, the addresses of {@code add.csv} and the
 * continuation of long Remarks in {@code sdn_comments.csv} (optional). The aliases, addresses and comments are held
 * in memory while {@code sdn.csv} streams by: they are small (a few MB for the whole SDN list).
 */
public final class OfacCsvFormat implements ListFormat {

    static final String SDN_FILE = "sdn.csv";
    static final String ADD_FILE = "add.csv";
    static final String ALT_FILE = "alt.csv";
    static final String COMMENTS_FILE = "sdn_comments.csv";
    private static final List<String> SDN_COLUMNS = List.of(
            "ent_num",
            "SDN_Name",
            "SDN_Type",
            "Program",
            "Title",
            "Call_Sign",
            "Vess_type",
            "Tonnage",
            "GRT",
            "Vess_flag",
            "Vess_owner",
            "Remarks");
    private static final List<String> ADD_COLUMNS =
            List.of("ent_num", "add_num", "address", "city/state/postal", "country", "add_remarks");
    private static final List<String> ALT_COLUMNS =
            List.of("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks");
    private static final List<String> COMMENT_COLUMNS = List.of("ent_num", "remarks_extended");
    private static final Pattern ENT_NUM = Pattern.compile("\\d{1,18}");
    private static final Pattern PROGRAM_SEPARATOR = Pattern.compile("\\]\\s*\\[");

    @Override
    public String name() {
        return "ofac-csv";
    }

    @Override
    public String authority() {
        return "US-OFAC";
    }

    @Override
    public String jurisdiction() {
        return "US";
    }

    @Override
    public String title(String list) {
        return "OFAC Specially Designated Nationals and Blocked Persons (SDN) list";
    }

    @Override
    public String sourceUrl(String list) {
        return "https://www.treasury.gov/ofac/downloads/sdn.csv";
    }

    @Override
    public ListMetadata read(List<Path> paths, Optional<String> list, EntrySink sink) throws ListFileException {
        Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
        if (list.isPresent() && !list.get().equals(OfacMeasures.SDN)) {
            throw new ListFileException(
                    new SourcePosition(first, 0),
                    "ofac-csv reads the SDN list only; for the non-SDN lists import CONSOLIDATED.XML with ofac-xml");
        }
        Map<String, Path> files = files(paths, first);
        Map<String, List<Linked>> aliases = linked(files.get(ALT_FILE), ALT_COLUMNS, sink);
        Map<String, List<Linked>> addresses = linked(files.get(ADD_FILE), ADD_COLUMNS, sink);
        Map<String, List<Linked>> comments = files.containsKey(COMMENTS_FILE)
                ? linked(files.get(COMMENTS_FILE), COMMENT_COLUMNS, sink)
                : new LinkedHashMap<>();
        Path sdn = files.get(SDN_FILE);
        try (CsvRows rows = new CsvRows(sdn)) {
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                SourcePosition at = new SourcePosition(sdn, row.line());
                if (checkColumns(row, SDN_COLUMNS, at, sink)) {
                    entry(row.fields(), at, aliases, addresses, comments, files.containsKey(COMMENTS_FILE), sink);
                }
            }
        }
        orphans(aliases, sink);
        orphans(addresses, sink);
        orphans(comments, sink);
        return new ListMetadata(Optional.empty(), OfacMeasures.SDN);
    }

    /** A row of add.csv, alt.csv or sdn_comments.csv, waiting for its sdn.csv row. */
    private record Linked(SourcePosition at, List<String> fields) {}

    private static void entry(
            List<String> f,
            SourcePosition at,
            Map<String, List<Linked>> aliases,
            Map<String, List<Linked>> addresses,
            Map<String, List<Linked>> comments,
            boolean commentsGiven,
            EntrySink sink) {
        String entNum = f.get(0);
        if (entNum == null || !ENT_NUM.matcher(entNum).matches()) {
            sink.problem(at, "ent_num '" + entNum + "' is not a number");
            return;
        }
        TargetKind kind = kind(f.get(2));
        if (kind == null) {
            sink.problem(at, "SDN_Type '" + f.get(2) + "' is none of individual, vessel, aircraft or empty (entity)");
            return;
        }
        if (f.get(1) == null) {
            sink.problem(at, "entry " + entNum + " has no SDN_Name");
            return;
        }
        EntryBuilder entry = new EntryBuilder("SDN-" + entNum, kind);
        entry.name(f.get(1));
        List<String> programs = programs(f.get(3));
        programs.forEach(entry::program);
        OfacMeasures.add(OfacMeasures.SDN, programs, entry);
        entry.position(f.get(4));
        if (f.get(5) != null) {
            entry.identifier("CALL_SIGN", f.get(5), null);
        }
        labelled(entry, "Vessel type", f.get(6));
        labelled(entry, "Tonnage", f.get(7));
        labelled(entry, "Gross registered tonnage", f.get(8));
        if (f.get(9) != null) {
            // A vessel's flag is its nationality.
            entry.nationality(f.get(9), "Vessel flag");
        }
        labelled(entry, "Vessel owner", f.get(10));
        for (Linked alias : remove(aliases, entNum)) {
            String name = alias.fields().get(3);
            entry.alias(name);
            String remarks = alias.fields().get(4);
            if (remarks != null) {
                entry.remark("Alias " + name + ": " + remarks);
            }
        }
        for (Linked address : remove(addresses, entNum)) {
            List<String> a = address.fields();
            entry.address(String.join(", ", nonNull(a.get(2), a.get(3), a.get(5))), a.get(4));
        }
        StringBuilder remarks = new StringBuilder(f.get(11) == null ? "" : f.get(11));
        for (Linked comment : remove(comments, entNum)) {
            if (comment.fields().get(1) != null) {
                remarks.append(comment.fields().get(1));
            }
        }
        String text = remarks.toString().strip();
        // OFAC's Remarks end with a period; one that does not was cut at the column's width and continues in
        // sdn_comments.csv.
        boolean complete = text.endsWith(".") || commentsGiven;
        OfacRemarks.apply(text, complete, entry);
        sink.entry(entry.build(), at);
    }

    private static void labelled(EntryBuilder entry, String label, String value) {
        if (value != null) {
            entry.remark(label + ": " + value);
        }
    }

    private static String[] nonNull(String... values) {
        return Arrays.stream(values).filter(v -> v != null).toArray(String[]::new);
    }

    static TargetKind kind(String sdnType) {
        if (sdnType == null) {
            return TargetKind.ORGANIZATION;
        }
        return switch (sdnType.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> TargetKind.PERSON;
            case "vessel" -> TargetKind.VESSEL;
            case "aircraft" -> TargetKind.AIRCRAFT;
            case "entity" -> TargetKind.ORGANIZATION;
            default -> null;
        };
    }

    /** {@code SDGT] [IRGC} → SDGT, IRGC. */
    static List<String> programs(String program) {
        if (program == null) {
            return List.of();
        }
        String stripped = program.strip();
        if (stripped.startsWith("[")) {
            stripped = stripped.substring(1);
        }
        if (stripped.endsWith("]")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return Arrays.stream(PROGRAM_SEPARATOR.split(stripped))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static List<Linked> remove(Map<String, List<Linked>> rows, String entNum) {
        List<Linked> found = rows.remove(entNum);
        return found == null ? List.of() : found;
    }

    /** Rows of a linked file whose entry is not in sdn.csv: the files are from different days, or sdn.csv is cut. */
    private static void orphans(Map<String, List<Linked>> rows, EntrySink sink) {
        rows.forEach((entNum, linked) -> sink.problem(
                linked.get(0).at(),
                "ent_num " + entNum + " has no row in " + SDN_FILE
                        + ": the files are not of one publication, or sdn.csv is incomplete"));
    }

    private static Map<String, List<Linked>> linked(Path file, List<String> columns, EntrySink sink)
            throws ListFileException {
        Map<String, List<Linked>> rows = new LinkedHashMap<>();
        try (CsvRows csv = new CsvRows(file)) {
            for (CsvRows.Row row = csv.next(); row != null; row = csv.next()) {
                SourcePosition at = new SourcePosition(file, row.line());
                if (!checkColumns(row, columns, at, sink)) {
                    continue;
                }
                String entNum = row.fields().get(0);
                if (entNum == null || !ENT_NUM.matcher(entNum).matches()) {
                    sink.problem(at, "ent_num '" + entNum + "' is not a number");
                    continue;
                }
                rows.computeIfAbsent(entNum, k -> new ArrayList<>()).add(new Linked(at, row.fields()));
            }
        }
        return rows;
    }

    private static boolean checkColumns(CsvRows.Row row, List<String> columns, SourcePosition at, EntrySink sink) {
        if (row.fields().size() != columns.size()) {
            sink.problem(
                    at,
                    "the row has " + row.fields().size() + " fields, "
                            + at.file().getFileName() + " rows have " + columns.size() + " ("
                            + String.join(", ", columns) + ")");
            return false;
        }
        return true;
    }

    /** The four files by their names: from the directory given, or the files given one by one. */
    private static Map<String, Path> files(List<Path> paths, Path first) throws ListFileException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    listed.filter(Files::isRegularFile).forEach(f -> known(f).ifPresent(name -> files.put(name, f)));
                } catch (IOException e) {
                    throw new ListFileException(new SourcePosition(path, 0), "cannot list the directory: " + e);
                }
            } else {
                String name = known(path)
                        .orElseThrow(() -> new ListFileException(
                                new SourcePosition(path, 0),
                                "ofac-csv reads sdn.csv, add.csv, alt.csv and sdn_comments.csv; this file is none"
                                        + " of them"));
                files.put(name, path);
            }
        }
        for (String required : List.of(SDN_FILE, ADD_FILE, ALT_FILE)) {
            if (!files.containsKey(required)) {
                throw new ListFileException(
                        new SourcePosition(first, 0),
                        required + " is missing: give the directory holding sdn.csv, add.csv and alt.csv (and"
                                + " sdn_comments.csv), or the files themselves; without it part of every entry would"
                                + " be lost");
            }
        }
        return files;
    }

    private static Optional<String> known(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        return List.of(SDN_FILE, ADD_FILE, ALT_FILE, COMMENTS_FILE).contains(lower)
                ? Optional.of(lower)
                : Optional.empty();
    }
}
