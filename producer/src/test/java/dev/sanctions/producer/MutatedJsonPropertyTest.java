package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Whatever an editor, a script or an attacker makes of a valid announcement file, reading it ends in problems of
 * the form {@code FILE:LINE: field: message} (or in valid announcements), never in an exception.
 */
class MutatedJsonPropertyTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final List<String> JSON_BITS = List.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "null",
            "true",
            "-",
            "0",
            "1e999999999",
            "-0.0e-9999",
            "\\",
            "\\u",
            "\\ud800",
            "\\u0000",
            "\u0000",
            "\u00e9",
            "\ud83d\ude00",
            "\n",
            "\t",
            "NaN",
            "//",
            "/*",
            "\"actions\"",
            "\"target\"",
            "\"announcementId\":",
            "{\"action\":\"DELIST\"}");

    private final Path dir;

    MutatedJsonPropertyTest() throws IOException {
        dir = Files.createTempDirectory("mutated-json");
    }

    @AfterProperty
    void removeFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 400)
    void aMutatedExampleIsReadIntoFileLineProblemsNeverAnException(
            @ForAll("examples") Path example, @ForAll("mutations") List<UnaryOperator<String>> mutations)
            throws IOException {
        String text = Files.readString(example);
        for (UnaryOperator<String> mutation : mutations) {
            text = mutation.apply(text);
        }
        Path file = dir.resolve("mutated-" + example.getFileName());
        // getBytes, not writeString: a lone surrogate becomes '?' instead of failing the write.
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));

        Batch batch = AnnouncementFiles.read(List.of(file));

        for (Problem problem : batch.problems()) {
            assertThat(problem.format())
                    .startsWith(file + ":")
                    .doesNotContain("\n")
                    .doesNotContain("\r");
            assertThat(problem.line()).isNotNegative();
        }
    }

    @Provide
    Arbitrary<Path> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return Arbitraries.of(files.filter(
                            f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<UnaryOperator<String>>> mutations() {
        return Arbitraries.oneOf(
                        deleteRange(),
                        insert(),
                        replaceCharacter(),
                        truncate(),
                        duplicateLine(),
                        deepNesting(),
                        hugeNumber(),
                        longString())
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    private static Arbitrary<UnaryOperator<String>> deleteRange() {
        return Combinators.combine(fraction(), Arbitraries.integers().between(1, 40))
                .as((at, length) -> text -> {
                    int from = position(text, at);
                    return text.substring(0, from) + text.substring(Math.min(text.length(), from + length));
                });
    }

    private static Arbitrary<UnaryOperator<String>> insert() {
        Arbitrary<String> inserted = Arbitraries.oneOf(
                Arbitraries.of(JSON_BITS), Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(fraction(), inserted).as((at, bit) -> text -> {
            int to = position(text, at);
            return text.substring(0, to) + bit + text.substring(to);
        });
    }

    private static Arbitrary<UnaryOperator<String>> replaceCharacter() {
        return Combinators.combine(fraction(), Arbitraries.chars()).as((at, c) -> text -> {
            if (text.isEmpty()) {
                return text;
            }
            int i = Math.min(position(text, at), text.length() - 1);
            return text.substring(0, i) + c + text.substring(i + 1);
        });
    }

    private static Arbitrary<UnaryOperator<String>> truncate() {
        return fraction().map(at -> text -> text.substring(0, position(text, at)));
    }

    /** A repeated line repeats keys ("title" twice), objects, or whole announcements of a JSON Lines file. */
    private static Arbitrary<UnaryOperator<String>> duplicateLine() {
        return fraction().map(at -> text -> {
            List<String> lines = List.of(text.split("\n", -1));
            int i = Math.min((int) (at * lines.size()), lines.size() - 1);
            StringBuilder out = new StringBuilder();
            for (int j = 0; j < lines.size(); j++) {
                out.append(lines.get(j)).append(j < lines.size() - 1 ? "\n" : "");
                if (j == i) {
                    out.append(lines.get(j)).append("\n");
                }
            }
            return out.toString();
        });
    }

    private static Arbitrary<UnaryOperator<String>> deepNesting() {
        return Combinators.combine(
                        fraction(), Arbitraries.integers().between(100, 20_000), Arbitraries.of("[", "{\"a\":"))
                .as((at, depth, open) -> text -> {
                    int to = position(text, at);
                    return text.substring(0, to) + open.repeat(depth) + "1" + text.substring(to);
                });
    }

    private static Arbitrary<UnaryOperator<String>> hugeNumber() {
        return Combinators.combine(fraction(), Arbitraries.integers().between(20, 5_000))
                .as((at, digits) -> text -> {
                    int to = position(text, at);
                    return text.substring(0, to) + "9".repeat(digits) + text.substring(to);
                });
    }

    private static Arbitrary<UnaryOperator<String>> longString() {
        return Combinators.combine(fraction(), Arbitraries.integers().between(1_000, 200_000))
                .as((at, length) -> text -> {
                    int to = position(text, at);
                    return text.substring(0, to) + "x".repeat(length) + text.substring(to);
                });
    }

    private static Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    private static int position(String text, double at) {
        int i = (int) (at * text.length());
        // Never between the halves of a surrogate pair: the file must stay encodable.
        return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
    }
}
