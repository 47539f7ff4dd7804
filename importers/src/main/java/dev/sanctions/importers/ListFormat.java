package dev.sanctions.importers;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One official file format. A format only reads: its file(s) into complete entries and the file's metadata.
 * Everything after that (the snapshot announcement, its id, validation, hashing, parts) is {@link ListImport}'s, the
 * same for every format. Implementations must stream: hold one entry at a time, never the whole list, because
 * {@link ListImport} reads the files more than once.
 */
public interface ListFormat {

    /** The name on the command line: {@code ofac-csv}, {@code ofac-xml}, {@code un-xml}, {@code eu-xml}. */
    String name();

    /** The issuing authority, e.g. {@code US-OFAC}. */
    String authority();

    /** Where the measures apply: {@code US}, {@code UN}, {@code EU}. */
    String jurisdiction();

    /** The snapshot's title for a list, e.g. {@code OFAC Specially Designated Nationals (SDN) list}. */
    String title(String list);

    /** Where the authority publishes the list, for the announcement's {@code sourceUrl}. */
    String sourceUrl(String list);

    /**
     * Reads the files, handing every entry and every problem it can read past to {@code sink}, in file order.
     *
     * @param files the paths the user gave (files, or a directory where the format takes several files)
     * @param list  the list the user named ({@code --list}), for formats whose file does not say
     * @return the file's metadata
     * @throws ListFileException when the file cannot be read any further
     */
    ListMetadata read(List<Path> files, Optional<String> list, EntrySink sink) throws ListFileException;

    /** The one file a format that reads a single file was given, or a problem naming what it expected. */
    default Path onlyFile(List<Path> files, String expected) throws ListFileException {
        if (files.size() != 1) {
            throw new ListFileException(
                    new SourcePosition(files.isEmpty() ? Path.of(".") : files.get(0), 0),
                    name() + " reads one file, " + expected + "; got " + files.size());
        }
        return files.get(0);
    }
}
