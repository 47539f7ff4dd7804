package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedEndpointTest {

    private final ProcessorSettings settings = ProcessorSettings.defaults("broker:9092", "http://registry:8081");

    @Test
    void theBoundAddressIsAdvertisedWithTheActualPort() {
        assertThat(AdvertisedEndpoint.of(settings.withHttp("127.0.0.1", 0), 43210))
                .isEqualTo(new HostInfo("127.0.0.1", 43210));
    }

    @Test
    void anExplicitAdvertisedHostWins() {
        assertThat(AdvertisedEndpoint.of(settings.withHttp("0.0.0.0", 8080).withHttpAdvertisedHost("proc-1.svc"), 8080))
                .isEqualTo(new HostInfo("proc-1.svc", 8080));
    }

    @Test
    void aWildcardAddressIsNeverAdvertised() {
        HostInfo endpoint = AdvertisedEndpoint.of(settings.withHttp("0.0.0.0", 8080), 8080);
        assertThat(endpoint.host()).isNotEqualTo("0.0.0.0").isNotBlank();
        assertThat(AdvertisedEndpoint.asConfig(endpoint)).endsWith(":8080");
    }
}
