package dev.sanctions.importers.ofaccsv;

import dev.sanctions.importers.ListFileException;
import dev.sanctions.importers.SourcePosition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OFAC's delimited files row by row: comma-separated fields, quoted with {@code "} (a doubled {@code ""}
 * inside is one quote), rows ended by CRLF (or LF), {@code -0-} (with or without its trailing space) for empty,
 * and the Ctrl-Z byte (0x1A) OFAC writes as the file's last character. The bytes must be UTF-8 (OFAC writes ASCII);
 * anything else is a bad file. A file without the Ctrl-Z end mark was cut off, so it is a bad file too.
 */
final class CsvRows implements AutoCloseable {
    private static final int END_OF_FILE_MARK = 0x1A;
    /** One field may hold OFAC's longest column (Remarks, 1,000 characters) many times over, never megabytes. */
    private static final int MAX_FIELD_CHARS = 100_000;

    /** One row: its 1-based line and its fields, null for empty ones. */
    record Row(int line, List<String> fields) {}

    private final Path file;
    private final Reader in;
    private int line = 1;
    private boolean endMarkSeen;
    private int pushedBack = -2;

    CsvRows(Path file) throws ListFileException {
        this.file = file;
        try {
            this.in = new BufferedReader(new InputStreamReader(
                    Files.newInputStream(file),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException e) {
            throw new ListFileException(new SourcePosition(file, 0), "cannot read the file: " + e);
        }
    }

    /** The next row, or null at the end of the file. */
    Row next() throws ListFileException {
        try {
            int c = read();
            while (c == '\r' || c == '\n') {
                if (c == '\n') {
                    line++;
                }
                c = read();
            }
            if (c == -1) {
                if (!endMarkSeen) {
                    throw new ListFileException(
                            new SourcePosition(file, line),
                            "the file ends without OFAC's end-of-file mark (Ctrl-Z): it was cut off; download it again");
                }
                return null;
            }
            if (c == END_OF_FILE_MARK) {
                endMarkSeen = true;
                int after = read();
                if (after != -1) {
                    throw new ListFileException(
                            new SourcePosition(file, line), "text after OFAC's end-of-file mark (Ctrl-Z)");
                }
                return null;
            }
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            while (true) {
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                if (c == '"') {
                    quoted = true;
                    c = readQuoted(field, rowLine);
                } else {
                    while (c != ',' && c != '\r' && c != '\n' && c != -1 && c != END_OF_FILE_MARK) {
                        append(field, c, rowLine);
                        c = read();
                    }
                }
                fields.add(value(field.toString(), quoted));
                if (c == ',') {
                    c = read();
                    continue;
                }
                if (c == END_OF_FILE_MARK) {
                    pushedBack = c;
                }
                return new Row(rowLine, fields);
            }
        } catch (CharacterCodingException e) {
            throw new ListFileException(
                    new SourcePosition(file, line),
                    "bytes that are not UTF-8 text: is this the file as OFAC published it? (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ListFileException(new SourcePosition(file, line), "cannot read the file: " + e);
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field, int rowLine) throws IOException, ListFileException {
        while (true) {
            int c = read();
            if (c == -1 || c == END_OF_FILE_MARK) {
                throw new ListFileException(
                        new SourcePosition(file, rowLine),
                        "a quoted field is never closed: the file was cut off; download it again");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    field.append('"');
                    continue;
                }
                // Text between the closing quote and the comma (OFAC writes none) belongs to the field.
                while (after != ',' && after != '\r' && after != '\n' && after != -1 && after != END_OF_FILE_MARK) {
                    append(field, after, rowLine);
                    after = read();
                }
                return after;
            }
            if (c == '\n') {
                line++;
            }
            append(field, c, rowLine);
        }
    }

    private void append(StringBuilder field, int c, int rowLine) throws ListFileException {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw new ListFileException(
                    new SourcePosition(file, rowLine),
                    "a field of more than " + MAX_FIELD_CHARS + " characters: this is not an OFAC delimited file");
        }
        field.append((char) c);
    }

    /** {@code -0-} is OFAC's empty; surrounding spaces are layout. */
    private static String value(String raw, boolean quoted) {
        String stripped = quoted ? raw : raw.strip();
        if (!quoted && (stripped.isEmpty() || stripped.equals("-0-"))) {
            return null;
        }
        return stripped.isBlank() ? null : stripped;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
