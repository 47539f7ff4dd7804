package dev.sanctions.importers;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.AnnouncementRules;
import dev.sanctions.core.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * What every format shares after reading: the first pass reads the whole list once to validate each entry with the
 * announcement rules, find repeated target ids, count and hash the entries; it yields a {@link PreparedSnapshot}
 * (the snapshot announcement without its entries) and the size of every entry encoded. The entries it read are kept
 * in Avro's binary encoding while they fit a memory budget ({@link EncodedEntries}), so they are published without
 * reading the file again; a list larger than that is read once more, streamed, to send it (its sizes are known, so
 * no read measures it), and that pass holds one entry at a time.
 */
public final class ListImport {

    /** The most entries one snapshot may hold (docs/announcement-format.md). */
    public static final int MAX_ENTRIES = 200_000;

    /** Characters of the content hash in the announcement id: 64 bits, no collision among one list's files. */
    private static final int HASH_CHARS = 16;

    /**
     * What the user chose.
     *
     * @param list               {@code --list}: the list, for a format whose file does not say
     * @param publishedAt        {@code --published-at}: used when the file carries no date of its own
     * @param maxDelistFraction  {@code --max-delist}: the snapshot guard's fraction
     */
    public record Options(Optional<String> list, Optional<Instant> publishedAt, double maxDelistFraction) {
        public static final double DEFAULT_MAX_DELIST = 0.25;

        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), DEFAULT_MAX_DELIST);
        }
    }

    /** Either the prepared snapshot or every problem found; never both. */
    public record Result(Optional<PreparedSnapshot> snapshot, List<ImportProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return snapshot.isPresent();
        }
    }

    private ListImport() {}

    /** The first pass: reads, validates, counts and hashes {@code files} as {@code format}. */
    public static Result prepare(ListFormat format, List<Path> files, Options options) {
        return prepare(format, files, options, EncodedEntries.defaultBudget());
    }

    /** As {@link #prepare(ListFormat, List, Options)}, keeping the entries read while they fit {@code keepBytes}. */
    static Result prepare(ListFormat format, List<Path> files, Options options, long keepBytes) {
        FirstPass pass = new FirstPass(format.name(), new EncodedEntries(keepBytes));
        ListMetadata metadata;
        try {
            metadata = format.read(files, options.list(), pass);
        } catch (ListFileException e) {
            pass.problems.add(e.problem());
            return new Result(Optional.empty(), pass.problems);
        }
        Path first = files.isEmpty() ? Path.of(".") : files.get(0);
        if (pass.count == 0 && pass.problems.isEmpty()) {
            pass.problems.add(new ImportProblem(
                    new SourcePosition(first, 0),
                    "the list has no entries: an empty snapshot would delist everything; is the file complete?"));
        }
        if (pass.count > MAX_ENTRIES) {
            pass.problems.add(new ImportProblem(
                    new SourcePosition(first, 0),
                    "the list has " + pass.count + " entries, a snapshot holds at most " + MAX_ENTRIES));
        }
        Instant publishedAt;
        PublishedAtSource source;
        if (metadata.publishedAt().isPresent()) {
            publishedAt = metadata.publishedAt().get();
            source = PublishedAtSource.FILE;
        } else if (options.publishedAt().isPresent()) {
            publishedAt = options.publishedAt().get();
            source = PublishedAtSource.OPTION;
        } else {
            try {
                publishedAt = lastModified(files);
            } catch (IOException e) {
                pass.problems.add(new ImportProblem(
                        new SourcePosition(first, 0), "cannot read the modification time: " + e.getMessage()));
                return new Result(Optional.empty(), pass.problems);
            }
            source = PublishedAtSource.MODIFICATION_TIME;
        }
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MILLIS);
        if (!pass.problems.isEmpty()) {
            return new Result(Optional.empty(), pass.problems);
        }
        String hash = pass.hash();
        Announcement header = header(format, metadata.list(), publishedAt, hash, options.maxDelistFraction());
        // The announcement's own fields (id, dates, list, fraction), checked as the publisher will check each part.
        Announcement withFirst = Announcement.newBuilder(header)
                .setActions(List.of(pass.firstEntry))
                .build();
        for (Violation violation : AnnouncementRules.check(withFirst)) {
            if (!violation.path().startsWith("actions")) {
                pass.problems.add(new ImportProblem(new SourcePosition(first, 0), violation.toString()));
            }
        }
        if (!pass.problems.isEmpty()) {
            return new Result(Optional.empty(), pass.problems);
        }
        return new Result(
                Optional.of(new PreparedSnapshot(
                        format,
                        List.copyOf(files),
                        options.list(),
                        header,
                        pass.count,
                        pass.kinds,
                        source,
                        hash,
                        pass.kept.entries(),
                        pass.kept.sizes())),
                List.of());
    }

    /**
     * The second pass: reads the entries again, handing each to {@code consumer}; throws {@link ListChangedException}
     * when they are not exactly those of the first pass, before handing over an entry whose encoded size differs
     * from the first pass's (the publisher split the parts by those sizes: that entry could make a part too large).
     */
    static void forEachEntry(PreparedSnapshot snapshot, Consumer<Action> consumer) {
        FirstPass again = new FirstPass(snapshot.format().name(), new EncodedEntries(0)) {
            @Override
            public void entry(Action entry, SourcePosition at) {
                int index = count;
                super.entry(entry, at);
                if (index >= snapshot.entryCount() || lastSize() != snapshot.encodedSize(index)) {
                    throw new ListChangedException("the list file changed while it was being imported ("
                            + snapshot.files().get(0) + "): entry "
                            + entry.getTarget().getId() + " at line "
                            + at.line() + " is not the one first read; nothing of it may be published; import it"
                            + " again");
                }
                try {
                    consumer.accept(entry);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        };
        try {
            snapshot.format().read(snapshot.files(), snapshot.listOption(), again);
        } catch (SinkFailure e) {
            throw e.unwrap();
        } catch (ListFileException e) {
            throw new ListChangedException(e.problem().format() + " (the file read fine a moment ago: did it change?)");
        }
        if (again.count != snapshot.entryCount() || !again.hash().equals(snapshot.hash())) {
            throw new ListChangedException("the list file changed while it was being imported ("
                    + snapshot.files().get(0) + "): nothing of it may be published; import it again");
        }
    }

    private static Announcement header(
            ListFormat format, String list, Instant publishedAt, String hash, double maxDelistFraction) {
        String date = publishedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return Announcement.newBuilder()
                .setAnnouncementId(format.name() + "-" + list.toLowerCase(java.util.Locale.ROOT) + "-" + date + "-"
                        + hash.substring(0, HASH_CHARS))
                .setAuthority(format.authority())
                .setJurisdiction(format.jurisdiction())
                .setPublishedAt(publishedAt)
                .setEffectiveFrom(date)
                .setTitle(format.title(list) + " as published " + date)
                .setSourceUrl(format.sourceUrl(list))
                .setActions(List.of())
                .setList(list)
                .setSnapshot(Snapshot.newBuilder()
                        .setList(list)
                        .setMaxDelistFraction(maxDelistFraction)
                        .build())
                .build();
    }

    /** The latest modification time of the files given, or of the files in a directory given. */
    private static Instant lastModified(List<Path> paths) throws IOException {
        FileTime latest = FileTime.fromMillis(0);
        for (Path path : paths) {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    files = listed.filter(Files::isRegularFile).toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.compareTo(latest) > 0) {
                    latest = modified;
                }
            }
        }
        return latest.toInstant();
    }

    /**
     * Validates, counts and hashes entries as they arrive, keeping the first entry, the ids seen and, within their
     * budget, the entries encoded.
     */
    private static class FirstPass implements EntrySink {
        final List<ImportProblem> problems = new ArrayList<>();
        final Map<TargetKind, Integer> kinds = new EnumMap<>(TargetKind.class);
        final EncodedEntries kept;
        private final Map<String, SourcePosition> ids = new HashMap<>();
        private final MessageDigest digest;
        private final EncodedEntries.Buffer encoded = new EncodedEntries.Buffer();
        private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(encoded, null);
        private final SpecificDatumWriter<Action> writer = new SpecificDatumWriter<>(Action.class);
        int count;
        Action firstEntry;

        FirstPass(String formatName, EncodedEntries kept) {
            this.kept = kept;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
            digest.update(formatName.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void entry(Action entry, SourcePosition at) {
            int index = count++;
            if (firstEntry == null) {
                firstEntry = entry;
            }
            String id = entry.getTarget().getId();
            String prefix = "actions[" + index + "].";
            for (Violation violation : AnnouncementRules.checkAction(entry, index)) {
                String path = violation.path().startsWith(prefix)
                        ? violation.path().substring(prefix.length())
                        : violation.path();
                problems.add(new ImportProblem(at, "entry " + id + ": " + path + ": " + violation.message()));
            }
            SourcePosition earlier = ids.putIfAbsent(id, at);
            if (earlier != null) {
                problems.add(new ImportProblem(
                        at,
                        "entry " + id + " appears twice (also at line " + earlier.line()
                                + "); a snapshot names each target once"));
            }
            kinds.merge(entry.getTarget().getKind(), 1, Integer::sum);
            encoded.reset();
            try {
                writer.write(entry, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("encoding writes to memory only", e);
            }
            encoded.digestInto(digest);
            // An entry with a problem makes the whole file bad: nothing of it is published, so nothing need be kept.
            if (problems.isEmpty()) {
                kept.add(encoded);
            } else {
                kept.drop();
            }
        }

        @Override
        public void problem(SourcePosition at, String message) {
            problems.add(new ImportProblem(at, message));
        }

        /** The encoded size of the entry just read. */
        int lastSize() {
            return encoded.size();
        }

        String hash() {
            try {
                MessageDigest copy = (MessageDigest) digest.clone();
                return HexFormat.of().formatHex(copy.digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests clone", e);
            }
        }
    }
}
