package dev.sanctions.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sanctions.subscriber.Layout;
import dev.sanctions.subscriber.Table;
import dev.sanctions.subscriber.Table.Column;
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
record DeadLetterFormat(Layout layout, Table table) {

    private static final JsonFactory FACTORY = new JsonFactory();

    DeadLetterFormat(Layout layout) {
        this(
                layout,
                layout.table(
                        Column.left("TIMESTAMP", 24),
                        Column.left("REASON", 20),
                        Column.left("SOURCE", 40),
                        Column.left("ERROR", 50),
                        Column.left("VALUE", 60)));
    }

    Optional<String> header() {
        return !layout.json() ? Optional.of(table.header()) : Optional.empty();
    }

    String line(DeadLetter letter) {
        return layout.json() ? json(letter) : table(letter);
    }

    private String table(DeadLetter letter) {
        String value = letter.value() == null ? "(none)" : (letter.base64() ? "base64:" : "") + letter.value();
        return table.row(letter.timestamp().toString(), letter.reason(), letter.source(), letter.error(), value);
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
}
