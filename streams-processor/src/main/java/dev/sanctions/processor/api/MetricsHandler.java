package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;

/** {@code GET /metrics}: every meter of the registry (the Kafka Streams client's metrics) in Prometheus text format. */
public final class MetricsHandler implements HttpHandler {

    public static final String PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (HttpResponses.isGetOf(exchange, PATH)) {
            HttpResponses.send(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
        }
    }
}
