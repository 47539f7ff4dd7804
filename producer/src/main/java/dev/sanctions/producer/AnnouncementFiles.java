package dev.sanctions.producer;

import dev.sanctions.avro.Announcement;
import dev.sanctions.core.AnnouncementSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and validates announcement files (docs/announcement-format.md): a JSON object, a JSON array of them, or JSON Lines.
 * Every problem is reported with its file and line; reading never throws for bad input.
 */
public final class AnnouncementFiles {

    private AnnouncementFiles() {}

    /**
     * Reads the files given, in order; a directory stands for its {@code .json} and {@code .jsonl} files (not
     * hidden, not in subdirectories) in name order. An announcement id used twice by one authority anywhere in
     * the batch is a problem at both places.
     */
    public static Batch read(List<Path> paths) {
        List<Entry> entries = new ArrayList<>();
        List<Located> problems = new ArrayList<>();
        int fileIndex = 0;
        for (Path path : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try {
                    files.addAll(announcementFilesIn(path));
                    if (files.isEmpty()) {
                        problems.add(new Located(
                                fileIndex++,
                                path,
                                new Finding(
                                        0,
                                        AnnouncementFileReader.FILE,
                                        "the directory holds no .json or .jsonl files")));
                    }
                } catch (IOException e) {
                    problems.add(new Located(
                            fileIndex++,
                            path,
                            new Finding(
                                    0, AnnouncementFileReader.FILE, "cannot list the directory: " + e.getMessage())));
                }
            } else {
                files.add(path);
            }
            for (Path file : files) {
                AnnouncementFileReader.Contents contents = AnnouncementFileReader.read(file);
                for (Finding finding : contents.findings()) {
                    problems.add(new Located(fileIndex, file, finding));
                }
                for (ReadAnnouncement read : contents.announcements()) {
                    List<Finding> findings = new ArrayList<>(read.findings());
                    findings.addAll(RuleFindings.of(read));
                    entries.add(new Entry(fileIndex, file, read, findings));
                }
                fileIndex++;
            }
        }
        addDuplicates(entries);
        addOversized(entries);

        List<ParsedAnnouncement> valid = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.findings().isEmpty()) {
                valid.add(new ParsedAnnouncement(
                        entry.file(), entry.read().line(), entry.read().announcement()));
            }
            for (Finding finding : entry.findings()) {
                problems.add(new Located(entry.fileIndex(), entry.file(), finding));
            }
        }
        problems.sort(Comparator.comparingInt(Located::fileIndex)
                .thenComparingInt(l -> l.finding().line()));
        return new Batch(valid, problems.stream().map(Located::problem).toList());
    }

    private static List<Path> announcementFilesIn(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        String lower = name.toLowerCase(Locale.ROOT);
                        // Hidden files are editors' backups and locks, not announcements.
                        return !name.startsWith(".") && (lower.endsWith(".json") || lower.endsWith(".jsonl"));
                    })
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        }
    }

    private static void addDuplicates(List<Entry> entries) {
        List<Announcement> announcements =
                entries.stream().map(e -> e.read().announcement()).toList();
        Map<Integer, String> duplicates = DuplicateAnnouncements.find(
                announcements,
                i -> entries.get(i).file() + ":" + entries.get(i).read().lines().lineOf("announcementId"));
        duplicates.forEach((index, message) -> {
            Entry entry = entries.get(index);
            entry.findings().add(new Finding(entry.read().lines().lineOf("announcementId"), "announcementId", message));
        });
    }

    /** Only a valid announcement is measured: the placeholders of an invalid one cannot be serialized. */
    private static void addOversized(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.findings().isEmpty()) {
                AnnouncementSize.excess(entry.read().announcement())
                        .ifPresent(excess ->
                                entry.findings().add(new Finding(entry.read().line(), "announcement", excess)));
            }
        }
    }

    private record Entry(int fileIndex, Path file, ReadAnnouncement read, List<Finding> findings) {}

    private record Located(int fileIndex, Path file, Finding finding) {
        Problem problem() {
            return new Problem(file, finding.line(), finding.field(), finding.message());
        }
    }
}
