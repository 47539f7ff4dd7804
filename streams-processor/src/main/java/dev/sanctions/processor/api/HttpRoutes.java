package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpHandler;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Extra HTTP endpoints served next to {@code /health} and {@code /metrics}, made once the
 * {@link KafkaStreams} they query exists (e.g. {@code /designations} over interactive queries).
 * Keys are context paths; a handler receives every path under its context.
 */
@FunctionalInterface
public interface HttpRoutes {

    Map<String, HttpHandler> routes(KafkaStreams streams);

    static HttpRoutes none() {
        return streams -> Map.of();
    }
}
