package dev.sanctions.producer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one announcement file: a JSON object, a JSON array of them, or JSON Lines ({@code .jsonl}, one object per
 * line, blank lines skipped). Syntax errors are findings, not exceptions; a JSON Lines file goes on after a bad line.
 */
final class AnnouncementFileReader {

    static final String JSON = "json";
    static final String FILE = "file";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final List<ReadAnnouncement> announcements = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private AnnouncementFileReader() {}

    /** Everything one file holds, and everything wrong with it. */
    record Contents(List<ReadAnnouncement> announcements, List<Finding> findings) {}

    static boolean isJsonLines(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    static Contents read(Path file) {
        AnnouncementFileReader reader = new AnnouncementFileReader();
        try (InputStream in = Files.newInputStream(file)) {
            if (isJsonLines(file)) {
                reader.readLines(in);
            } else {
                reader.readDocument(in);
            }
        } catch (NoSuchFileException e) {
            reader.findings.add(new Finding(0, FILE, "no such file"));
        } catch (AccessDeniedException e) {
            reader.findings.add(new Finding(0, FILE, "permission denied"));
        } catch (IOException e) {
            reader.findings.add(new Finding(0, FILE, "cannot read the file: " + e.getMessage()));
        }
        return new Contents(List.copyOf(reader.announcements), List.copyOf(reader.findings));
    }

    private void readDocument(InputStream in) throws IOException {
        try (JsonParser json = FACTORY.createParser(in)) {
            JsonToken token = json.nextToken();
            if (token == null) {
                findings.add(
                        new Finding(1, JSON, "the file is empty: expected an announcement object or an array of them"));
                return;
            }
            if (token == JsonToken.START_OBJECT) {
                announcement(json, 0);
            } else if (token == JsonToken.START_ARRAY) {
                for (token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                    if (token == JsonToken.START_OBJECT) {
                        announcement(json, 0);
                    } else {
                        findings.add(new Finding(
                                line(json, 0),
                                JSON,
                                "expected an announcement object, found " + JsonTokens.describe(token)));
                        json.skipChildren();
                    }
                }
            } else {
                findings.add(new Finding(
                        line(json, 0),
                        JSON,
                        "expected an announcement object or an array of them, found " + JsonTokens.describe(token)));
                json.skipChildren();
            }
            if (json.nextToken() != null) {
                findings.add(new Finding(line(json, 0), JSON, "unexpected content after the end of the JSON value"));
            }
        } catch (JsonProcessingException e) {
            malformed(e, 0);
        }
    }

    private void readLines(InputStream in) throws IOException {
        LineSplitter lines = new LineSplitter(in);
        int number = 0;
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (isBlank(line)) {
                continue;
            }
            int offset = number - 1;
            try (JsonParser json = FACTORY.createParser(line)) {
                JsonToken token = json.nextToken();
                if (token != JsonToken.START_OBJECT) {
                    findings.add(new Finding(
                            number,
                            JSON,
                            "expected one announcement object per line, found " + JsonTokens.describe(token)));
                    continue;
                }
                announcement(json, offset);
                if (json.nextToken() != null) {
                    findings.add(new Finding(
                            number,
                            JSON,
                            "unexpected content after the announcement object (JSON Lines hold one object per line)"));
                }
            } catch (JsonProcessingException e) {
                malformed(e, offset);
            }
        }
    }

    private void announcement(JsonParser json, int lineOffset) throws IOException {
        AnnouncementParser parser = new AnnouncementParser(json, lineOffset);
        try {
            announcements.add(parser.read());
        } catch (JsonProcessingException e) {
            // The announcement is cut short, but what was wrong before the break is still worth saying.
            findings.addAll(parser.findings());
            throw e;
        }
    }

    private void malformed(JsonProcessingException e, int lineOffset) {
        JsonLocation location = e.getLocation();
        int line = location != null && location.getLineNr() > 0 ? location.getLineNr() + lineOffset : lineOffset + 1;
        String message = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        findings.add(new Finding(line, JSON, "malformed JSON: " + message));
    }

    private static int line(JsonParser json, int lineOffset) {
        return json.currentTokenLocation().getLineNr() + lineOffset;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Splits a stream into lines of raw bytes, so the JSON parser sees each line's bytes as written. */
    private static final class LineSplitter {

        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSplitter(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        /** The next line without its terminator, or null at the end of the stream. */
        byte[] next() throws IOException {
            line.reset();
            int b = in.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                line.write(b);
                b = in.read();
            }
            return line.toByteArray();
        }
    }
}
