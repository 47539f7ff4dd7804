package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /designations...} of docs/http-api.md, answered by the instance at {@code self} (its advertised endpoint). */
public final class DesignationRoutes implements HttpRoutes {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    private final HostInfo self;

    public DesignationRoutes(HostInfo self) {
        this.self = self;
    }

    @Override
    public Map<String, HttpHandler> routes(KafkaStreams streams) {
        return Map.of(
                DesignationRequestParser.PATH,
                new DesignationHandler(streams, self, new PeerClient(self, PEER_TIMEOUT)));
    }
}
