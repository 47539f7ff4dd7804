package dev.sanctions.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs on the thread that read the request: takes in its body too, then hands the complete request to a thread of
 * {@code lane} and goes back to reading. A client that sends slowly thus holds a reading thread (for at most the
 * server's request time limit), never a thread that answers; when the lane is full the client hears 503 at once.
 */
final class Dispatch implements HttpHandler {

    /**
     * Bodies up to this size (every real one: schemas, queries) are taken in before a handler runs; a larger one
     * is left for its handler to read or refuse, so that the reading threads together hold at most 32 MiB.
     */
    static final int MAX_BUFFERED_BODY = 1 << 20;

    private static final System.Logger LOG = System.getLogger(Dispatch.class.getName());

    private final String service;
    private final HttpHandler handler;
    private final Lane lane;

    Dispatch(String service, HttpHandler handler, Lane lane) {
        this.service = service;
        this.handler = handler;
        this.lane = lane;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        takeInBody(exchange);
        try {
            lane.run(() -> answer(exchange));
        } catch (RejectedExecutionException busy) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            Responses.send(
                    exchange,
                    503,
                    "text/plain; charset=utf-8",
                    ("The " + service + " is busy: try again in a moment.\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void answer(HttpExchange exchange) {
        try {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The " + service + " failed to answer " + exchange.getRequestURI(), e);
            if (exchange.getResponseCode() == -1) {
                try {
                    exchange.sendResponseHeaders(500, -1);
                } catch (IOException closed) {
                    // The client is gone; closing the exchange below is all there is left to do.
                }
            }
        } finally {
            exchange.close();
        }
    }

    /**
     * Reads the body into memory (a chunked one up to {@link #MAX_BUFFERED_BODY} and one byte) and puts it back in
     * front of the rest of the stream, so that the handler reads the same bytes without waiting on the client.
     */
    private static void takeInBody(HttpExchange exchange) throws IOException {
        long declared = declaredLength(exchange);
        if (declared == 0 || declared > MAX_BUFFERED_BODY) {
            return;
        }
        InputStream body = exchange.getRequestBody();
        byte[] taken = body.readNBytes(declared > 0 ? (int) declared : MAX_BUFFERED_BODY + 1);
        exchange.setStreams(new SequenceInputStream(new ByteArrayInputStream(taken), body), null);
    }

    /** The Content-Length, -1 for a chunked body, 0 when the request has none. */
    private static long declaredLength(HttpExchange exchange) {
        if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
            return -1;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        // The JDK server has already refused a request whose Content-Length is not a number.
        return length == null ? 0 : Long.parseLong(length.trim());
    }
}
