package dev.sanctions.processor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The host and port other processor instances use to reach this one's HTTP API, given to Kafka Streams as
 * {@code application.server} so that each instance knows where every key's owner answers.
 */
final class AdvertisedEndpoint {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private AdvertisedEndpoint() {}

    /** @param boundPort the port the HTTP API actually listens on (the settings may say 0, "any free port") */
    static HostInfo of(ProcessorSettings settings, int boundPort) {
        if (settings.httpAdvertisedHost() != null) {
            return new HostInfo(settings.httpAdvertisedHost(), boundPort);
        }
        if (!WILDCARDS.contains(settings.httpHost())) {
            return new HostInfo(settings.httpHost(), boundPort);
        }
        try {
            return new HostInfo(InetAddress.getLocalHost().getHostName(), boundPort);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "The HTTP API listens on every address (" + settings.httpHost()
                            + ") and this machine's name cannot be resolved (" + e.getMessage()
                            + "); set the host other"
                            + " processor instances should use to reach this one",
                    e);
        }
    }

    static String asConfig(HostInfo endpoint) {
        return endpoint.host() + ":" + endpoint.port();
    }
}
