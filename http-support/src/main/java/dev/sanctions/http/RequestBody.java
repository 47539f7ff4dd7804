package dev.sanctions.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body with a size limit, so that one request cannot make a server hold any amount of memory. */
public final class RequestBody {

    private RequestBody() {}

    /**
     * The whole body, at most {@code maxBytes}.
     *
     * @throws RequestRefused 413 when the body is larger: known from its {@code Content-Length} before reading,
     *     or found while reading a body sent without one (chunked)
     */
    public static byte[] read(HttpExchange exchange, int maxBytes) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && isLarger(declared, maxBytes)) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    private static boolean isLarger(String contentLength, int maxBytes) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            // The JDK server refuses such a request before any handler runs; reading will count anyway.
            return false;
        }
    }

    private static RequestRefused tooLarge(int maxBytes) {
        return new RequestRefused(413, "Request body larger than " + maxBytes + " bytes");
    }
}
