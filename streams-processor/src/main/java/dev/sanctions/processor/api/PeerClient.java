package dev.sanctions.processor.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another processor instance the question this one cannot answer, over its HTTP API. The request
 * carries {@link #FORWARDED_BY}, so the other instance answers from its own stores and never forwards again.
 */
final class PeerClient {

    static final String FORWARDED_BY = "X-Sanctions-Forwarded-By";

    private final HttpClient client;
    private final HostInfo self;
    private final Duration timeout;
    private final Optional<String> authorization;

    PeerClient(HostInfo self, Duration timeout) {
        this(self, timeout, Optional.empty());
    }

    PeerClient(HostInfo self, Duration timeout, Optional<String> authorization) {
        this.self = self;
        this.timeout = timeout;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The peer's answer, whatever its status. */
    Answer get(HostInfo peer, String pathAndQuery, String accept) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .header(FORWARDED_BY, self.host() + ":" + self.port())
                .GET();
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(HttpResponses.JSON);
            return new Answer(response.statusCode(), contentType, response.body());
        } catch (IOException e) {
            throw new Unreachable(peer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(peer, e);
        }
    }

    record Answer(int status, String contentType, String body) {}

    /** The instance that owns the data did not answer: worth a retry, since it may be restarting. */
    static final class Unreachable extends RuntimeException {
        Unreachable(HostInfo peer, Exception cause) {
            super(
                    "the processor instance at " + peer.host() + ":" + peer.port() + " that holds this data did not"
                            + " answer (" + cause + ")",
                    cause);
        }
    }
}
