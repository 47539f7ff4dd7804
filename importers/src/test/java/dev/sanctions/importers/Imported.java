package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Test helpers: import a file as a format and look at what came out. */
public final class Imported {
    public static final Path FORMATS = Path.of("src/test/resources/formats");

    private Imported() {}

    /** The prepared snapshot of a valid file; fails the test, with the problems, when the file is not valid. */
    public static PreparedSnapshot prepared(ListFormat format, ListImport.Options options, Path... files) {
        ListImport.Result result = ListImport.prepare(format, Arrays.asList(files), options);
        assertThat(result.problems().stream().map(ImportProblem::format)).isEmpty();
        return result.snapshot().orElseThrow();
    }

    public static PreparedSnapshot prepared(ListFormat format, Path... files) {
        return prepared(format, ListImport.Options.defaults(), files);
    }

    /** The entries of a prepared snapshot, read by the second pass. */
    public static List<Action> entries(PreparedSnapshot snapshot) {
        List<Action> entries = new ArrayList<>();
        snapshot.forEachEntry(entries::add);
        return entries;
    }

    /** Entries by target id. */
    public static Map<String, Target> targets(List<Action> entries) {
        return entries.stream().map(Action::getTarget).collect(Collectors.toMap(Target::getId, Function.identity()));
    }

    /** The problems of an invalid file, as printed. */
    public static List<String> problems(ListFormat format, Path... files) {
        ListImport.Result result = ListImport.prepare(format, Arrays.asList(files), ListImport.Options.defaults());
        assertThat(result.snapshot()).as("a bad file yields no snapshot").isEmpty();
        return result.problems().stream().map(ImportProblem::format).toList();
    }
}
