package dev.sanctions.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sanctions.subscriber.DisplayText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * How {@code sanctions dlq} prints a {@link DeadLetter}. JSON lines: one object per line, instants in UTC with
 * Z, absent values as null, the source partition and offset as numbers; {@code valueEncoding} says whether
 * {@code value} is the text itself ({@code utf-8}) or {@code base64}. A table: columns
 * {@code TIMESTAMP REASON SOURCE ERROR VALUE}, the value cut to the width of a line (base64 values marked so), in full with {@code --wide}.
 */
record DeadLetterFormat(Layout layout) {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String GAP = "  ";
    private static final int VALUE_WIDTH = 60;

    Optional<String> header() {
        return !layout.json() ? Optional.of(row("TIMESTAMP", "REASON", "SOURCE", "ERROR", "VALUE")) : Optional.empty();
    }

    String line(DeadLetter letter) {
        return layout.json() ? json(letter) : table(letter);
    }

    private String table(DeadLetter letter) {
        String value = letter.value() == null
                ? "(none)"
                : layout.column((letter.base64() ? "base64:" : "") + letter.value(), VALUE_WIDTH)
                        .stripTrailing();
        return row(
                letter.timestamp().toString(), orDash(letter.reason()), letter.source(), orDash(letter.error()), value);
    }

    private String row(String timestamp, String reason, String source, String error, String value) {
        return (layout.column(timestamp, 24)
                        + GAP
                        + layout.column(reason, 20)
                        + GAP
                        + layout.column(source, 40)
                        + GAP
                        + layout.column(error, 50)
                        + GAP
                        + DisplayText.printable(value))
                .stripTrailing();
    }

    private static String json(DeadLetter letter) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("topic", letter.topic());
            json.writeNumberField("partition", letter.partition());
            json.writeNumberField("offset", letter.offset());
            json.writeStringField("timestamp", letter.timestamp().toString());
            json.writeStringField("key", letter.key());
            json.writeStringField("reason", letter.reason());
            json.writeStringField("sourceTopic", letter.sourceTopic());
            writeNumber(json, "sourcePartition", letter.sourcePartition());
            writeNumber(json, "sourceOffset", letter.sourceOffset());
            json.writeStringField("error", letter.error());
            json.writeStringField(
                    "valueEncoding", letter.value() == null ? null : letter.base64() ? "base64" : "utf-8");
            json.writeStringField("value", letter.value());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a dead letter as JSON", e);
        }
        return out.toString();
    }

    /** A decimal header as a number; as the text it is when the header is not a number (written by someone else). */
    private static void writeNumber(JsonGenerator json, String field, String decimal) throws IOException {
        if (decimal == null) {
            json.writeNullField(field);
            return;
        }
        try {
            json.writeNumberField(field, Long.parseLong(decimal.strip()));
        } catch (NumberFormatException e) {
            json.writeStringField(field, decimal);
        }
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
