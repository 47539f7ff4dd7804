package dev.sanctions.processor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health}: 200 {"status":"UP"} while the Streams app is RUNNING, else 503 with its state; 503
 * {"status":"FAILING"} while its stream threads fail again and again (replaced after each failure, they keep
 * the app RUNNING most of the time although nothing is processed).
 */
public final class HealthHandler implements HttpHandler {

    public static final String PATH = "/health";

    private final Supplier<KafkaStreams.State> state;
    private final BooleanSupplier failingRepeatedly;

    public HealthHandler(Supplier<KafkaStreams.State> state, BooleanSupplier failingRepeatedly) {
        this.state = state;
        this.failingRepeatedly = failingRepeatedly;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!HttpResponses.isGetOf(exchange, PATH)) {
            return;
        }
        KafkaStreams.State current = state.get();
        if (current.isRunningOrRebalancing() && failingRepeatedly.getAsBoolean()) {
            HttpResponses.send(exchange, 503, HttpResponses.JSON, "{\"status\":\"FAILING\"}");
        } else if (current == KafkaStreams.State.RUNNING) {
            HttpResponses.send(exchange, 200, HttpResponses.JSON, "{\"status\":\"UP\"}");
        } else {
            HttpResponses.send(exchange, 503, HttpResponses.JSON, "{\"status\":\"" + current + "\"}");
        }
    }
}
