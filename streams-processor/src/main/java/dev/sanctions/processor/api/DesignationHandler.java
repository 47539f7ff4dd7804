package dev.sanctions.processor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.http.PercentEncoding;
import dev.sanctions.http.RequestRefused;
import dev.sanctions.processor.topology.DesignationStores;
import dev.sanctions.processor.topology.SanctionsTopology;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /designations...} (docs/http-api.md) over interactive queries. A key lives on the instance that
 * owns its authority's partition (see {@link SanctionsTopology#storePartitionKey}); a question about a key owned elsewhere is forwarded there,
 * and the list asks every instance and merges, so that no instance answers "unknown" for data it does not
 * hold. While the stores cannot be queried the answer is 503 with {@code Retry-After}, never 404.
 *
 * <p>Lists (history, the list of designations) are JSON arrays, or JSON lines (one state per line) when the
 * request accepts {@value #JSON_LINES}: scripts and the CLI take lines, browsers and {@code jq} arrays. The list
 * of designations is streamed page by page in key order; with {@code limit} it is one page, and a {@code Link}
 * header ({@code rel="next"}) names the next.
 */
final class DesignationHandler implements HttpHandler {

    static final String JSON_LINES = "application/x-ndjson";
    private static final String JSON_LINES_TYPE = JSON_LINES + "; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(DesignationHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** States per page when the whole list is streamed: what one list request holds per source at a time. */
    private static final int PAGE = 500;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalDesignations local;
    private final PeerClient peers;

    DesignationHandler(KafkaStreams streams, HostInfo self, PeerClient peers) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalDesignations(streams);
        this.peers = peers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            error(exchange, 405, "method not allowed, use GET");
            return;
        }
        URI uri = exchange.getRequestURI();
        boolean forwarded = exchange.getRequestHeaders().containsKey(PeerClient.FORWARDED_BY);
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        boolean lines = accept.contains(JSON_LINES);
        try {
            DesignationRequest request = DesignationRequestParser.parse(uri.getRawPath(), uri.getRawQuery());
            if (streams.state() != KafkaStreams.State.RUNNING) {
                unavailable(exchange, "the processor is " + streams.state() + ", not yet RUNNING");
                return;
            }
            if (request instanceof DesignationRequest.Listing listing) {
                list(exchange, listing, forwarded, lines);
            } else {
                answerForKey(exchange, request, forwarded, lines);
            }
        } catch (RequestRefused e) {
            HttpResponses.error(exchange, e);
        } catch (InvalidStateStoreException e) {
            unavailable(exchange, "the designation stores cannot be queried right now (" + e.getMessage() + ")");
        } catch (PeerClient.Unreachable e) {
            LOG.warn("{} {}: {}", method, uri, e.getMessage());
            unavailable(exchange, e.getMessage());
        } catch (RuntimeException e) {
            if (streams.state() != KafkaStreams.State.RUNNING) {
                // Kafka Streams left RUNNING while answering (its calls then throw IllegalStateException).
                unavailable(exchange, "the processor is " + streams.state() + ", not RUNNING");
            } else {
                LOG.error("{} {} failed", method, uri, e);
                error(exchange, 500, "internal error: " + e + "; the processor log has the details");
            }
        }
    }

    private void answerForKey(HttpExchange exchange, DesignationRequest request, boolean forwarded, boolean lines)
            throws IOException {
        String key = request instanceof DesignationRequest.Current current
                ? current.key()
                : ((DesignationRequest.History) request).key();
        KeyRoute route = KeyRoute.decide(
                streams.queryMetadataForKey(
                        DesignationStores.CURRENT, SanctionsTopology.storePartitionKey(key), new StringSerializer()),
                self,
                forwarded);
        if (route instanceof KeyRoute.Unavailable unavailable) {
            unavailable(exchange, unavailable.reason());
        } else if (route instanceof KeyRoute.Forward forward) {
            PeerClient.Answer answer =
                    peers.get(forward.owner(), canonicalPath(request), lines ? JSON_LINES : HttpResponses.JSON);
            HttpResponses.send(exchange, answer.status(), answer.contentType(), answer.body());
        } else {
            int partition = ((KeyRoute.Local) route).partition();
            if (request instanceof DesignationRequest.Current current) {
                current(exchange, current, partition);
            } else {
                history(exchange, key, partition, lines);
            }
        }
    }

    private void current(HttpExchange exchange, DesignationRequest.Current request, int partition) throws IOException {
        Optional<DesignationState> state;
        if (request.asOf() == null) {
            state = local.current(request.key(), partition);
        } else {
            List<DesignationState> versions = local.history(request.key(), partition);
            state = StateAsOf.select(versions, request.asOf());
            if (state.isEmpty() && !versions.isEmpty()) {
                error(
                        exchange,
                        404,
                        "designation " + request.key() + " has no version published at or before " + request.asOf()
                                + "; its first was published at "
                                + versions.get(0).getLastChangedAt());
                return;
            }
        }
        if (state.isEmpty()) {
            noSuchDesignation(exchange, request.key());
            return;
        }
        HttpResponses.send(exchange, 200, HttpResponses.JSON, JsonForm.of(state.get()));
    }

    private void history(HttpExchange exchange, String key, int partition, boolean lines) throws IOException {
        List<DesignationState> versions = local.history(key, partition);
        if (versions.isEmpty()) {
            noSuchDesignation(exchange, key);
            return;
        }
        sendStates(exchange, versions.stream().map(JsonForm::of).toList(), lines);
    }

    private void list(HttpExchange exchange, DesignationRequest.Listing listing, boolean forwarded, boolean lines)
            throws IOException {
        List<ListingPage.Source> sources = new ArrayList<>();
        if (forwarded) {
            sources.add(localSource(listing));
        } else {
            Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(DesignationStores.CURRENT);
            if (instances.isEmpty()) {
                unavailable(exchange, "no processor instance holds designations right now (the group is rebalancing)");
                return;
            }
            for (StreamsMetadata instance : instances) {
                sources.add(
                        instance.hostInfo().equals(self)
                                ? localSource(listing)
                                : peerSource(instance.hostInfo(), listing));
            }
        }
        String contentType = lines ? JSON_LINES_TYPE : HttpResponses.JSON;
        ListingPage first;
        try {
            first = ListingPage.of(sources, listing.after(), listing.limit() == null ? PAGE : listing.limit());
        } catch (PeerAnswered e) {
            HttpResponses.send(exchange, e.answer.status(), e.answer.contentType(), e.answer.body());
            return;
        }
        if (listing.limit() != null) {
            // One page: the client follows the link for the next.
            if (first.next() != null) {
                exchange.getResponseHeaders()
                        .set(
                                "Link",
                                "<" + DesignationRequestParser.PATH
                                        + listing.page(listing.limit(), first.next())
                                                .query() + ">; rel=\"next\"");
            }
            ListingResponse.send(exchange, contentType, lines, first, null);
        } else {
            // Everything, streamed page by page.
            ListingResponse.send(exchange, contentType, lines, first, after -> ListingPage.of(sources, after, PAGE));
        }
    }

    private ListingPage.Source localSource(DesignationRequest.Listing listing) {
        return (after, limit) -> local.first(after, limit, listing::matches);
    }

    private ListingPage.Source peerSource(HostInfo peer, DesignationRequest.Listing listing) {
        return (after, limit) -> {
            PeerClient.Answer answer = peers.get(
                    peer,
                    DesignationRequestParser.PATH + listing.page(limit, after).query(),
                    JSON_LINES);
            if (answer.status() != 200) {
                throw new PeerAnswered(answer);
            }
            return entries(answer.body());
        };
    }

    private static List<ListingPage.Entry> entries(String body) {
        List<ListingPage.Entry> entries = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode state = JSON.readTree(line);
                entries.add(new ListingPage.Entry(state.get("designationKey").asText(), line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "another processor instance answered a line that is not a state: " + line, e);
            }
        }
        return entries;
    }

    /** Another instance answered the list with an error, which is the answer to the client too. */
    private static final class PeerAnswered extends RuntimeException {
        private final transient PeerClient.Answer answer;

        PeerAnswered(PeerClient.Answer answer) {
            super("another processor instance answered " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }

    /** The path a peer is asked: the key percent-encoded (a space as %20, never '+'), whatever form the client used. */
    private static String canonicalPath(DesignationRequest request) {
        if (request instanceof DesignationRequest.Current current) {
            String path = keyPath(current.key());
            return current.asOf() == null ? path : path + "?asOf=" + current.asOf();
        }
        return keyPath(((DesignationRequest.History) request).key()) + "/history";
    }

    private static String keyPath(String key) {
        return DesignationRequestParser.PATH + "/" + PercentEncoding.encode(key);
    }

    private static void sendStates(HttpExchange exchange, List<String> states, boolean lines) throws IOException {
        if (lines) {
            StringBuilder body = new StringBuilder();
            states.forEach(state -> body.append(state).append('\n'));
            HttpResponses.send(exchange, 200, JSON_LINES_TYPE, body.toString());
        } else {
            HttpResponses.send(exchange, 200, HttpResponses.JSON, "[" + String.join(",", states) + "]");
        }
    }

    private static void noSuchDesignation(HttpExchange exchange, String key) throws IOException {
        error(exchange, 404, "no designation " + key + " (check the key: AUTHORITY/TARGET_ID)");
    }

    private static void unavailable(HttpExchange exchange, String reason) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", "1");
        error(exchange, 503, reason + "; retry in a few seconds");
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        HttpResponses.error(exchange, new RequestRefused(status, message));
    }
}
