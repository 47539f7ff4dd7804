package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedEndpointTest {

    @Test
    void theBoundAddressIsAdvertisedWithTheActualPort() {
        assertThat(AdvertisedEndpoint.of(settings().http("127.0.0.1", 0).build(), 43210))
                .isEqualTo(new HostInfo("127.0.0.1", 43210));
    }

    @Test
    void anExplicitAdvertisedHostWins() {
        assertThat(AdvertisedEndpoint.of(
                        settings()
                                .http("0.0.0.0", 8080)
                                .httpAdvertisedHost("proc-1.svc")
                                .build(),
                        8080))
                .isEqualTo(new HostInfo("proc-1.svc", 8080));
    }

    @Test
    void aWildcardAddressIsNeverAdvertised() {
        HostInfo endpoint =
                AdvertisedEndpoint.of(settings().http("0.0.0.0", 8080).build(), 8080);
        assertThat(endpoint.host()).isNotEqualTo("0.0.0.0").isNotBlank();
        assertThat(AdvertisedEndpoint.asConfig(endpoint)).endsWith(":8080");
    }

    private static ProcessorSettings.Builder settings() {
        return ProcessorSettings.builder("broker:9092", "http://registry:8081");
    }
}
