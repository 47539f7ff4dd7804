package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /designations...} of docs/http-api.md, answered by the instance at {@code self} (its advertised endpoint). */
public final class DesignationRoutes implements HttpRoutes {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    private final HostInfo self;
    private final Optional<String> peerAuthorization;

    public DesignationRoutes(HostInfo self) {
        this(self, Optional.empty());
    }

    /**
     * @param peerAuthorization the {@code Authorization} header this instance sends when it asks another instance
     *     whose API asks for a login (its own login, {@code basic.auth.user.info})
     */
    public DesignationRoutes(HostInfo self, Optional<String> peerAuthorization) {
        this.self = self;
        this.peerAuthorization = peerAuthorization;
    }

    @Override
    public Map<String, HttpHandler> routes(KafkaStreams streams) {
        return Map.of(
                DesignationRequestParser.PATH,
                new DesignationHandler(streams, self, new PeerClient(self, PEER_TIMEOUT, peerAuthorization)));
    }
}
