package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Writes a list answer page by page as it is read, chunked, so that an answer of any length holds one page in
 * memory: a JSON array, or JSON lines (one state per line).
 */
final class ListingResponse {

    private ListingResponse() {}

    /**
     * Sends {@code first}, then, while a page names a next key and {@code next} is given, the page {@code next}
     * reads after it. A failure after the status was sent can only break the answer off: the exception is
     * rethrown as an {@link IOException}, and the server drops the connection without the final chunk, so a
     * client never takes a partial list for a whole one.
     */
    static void send(
            HttpExchange exchange,
            String contentType,
            boolean lines,
            ListingPage first,
            Function<String, ListingPage> next)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8));
        out.write(lines ? "" : "[");
        boolean firstState = true;
        ListingPage page = first;
        while (true) {
            for (String state : page.states()) {
                if (!lines && !firstState) {
                    out.write(',');
                }
                out.write(state);
                if (lines) {
                    out.write('\n');
                }
                firstState = false;
            }
            out.flush();
            if (page.next() == null || next == null) {
                break;
            }
            try {
                page = next.apply(page.next());
            } catch (RuntimeException e) {
                throw new IOException("the list broke off after " + page.next() + ": " + e.getMessage(), e);
            }
        }
        out.write(lines ? "" : "]");
        out.close();
        exchange.close();
    }
}
