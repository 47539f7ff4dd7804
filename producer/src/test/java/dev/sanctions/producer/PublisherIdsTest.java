package dev.sanctions.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublisherIdsTest {

    @Test
    void withoutAPublisherIdEveryRunOnOneDeskHasTheSameTransactionalId() {
        String first = PublisherConfig.builder("k:9092", "http://r").build().transactionalId();
        String second = PublisherConfig.builder("k:9092", "http://r").build().transactionalId();

        assertThat(first).isEqualTo(second).startsWith("sanctions-publish.").matches("[A-Za-z0-9._@-]+");
        assertThat(first).isEqualTo("sanctions-publish." + PublisherIds.defaultName());
    }

    @Test
    void aPublisherIdNamesTheTransactionalIdUnderTheSharedPrefix() {
        PublisherConfig config = PublisherConfig.builder("k:9092", "http://r")
                .publisherId("jp-mofa.desk-1")
                .build();

        assertThat(config.transactionalId()).isEqualTo("sanctions-publish.jp-mofa.desk-1");
    }

    @Test
    void aPublisherIdOfOtherCharactersOrTooLongIsRefused() {
        PublisherConfig.Builder builder = PublisherConfig.builder("k:9092", "http://r");

        assertThatThrownBy(() -> builder.publisherId("jp mofa"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "publisher id must be 1-100 characters of [A-Za-z0-9._@-], e.g. jp-mofa-desk, got 'jp mofa'");
        assertThatThrownBy(() -> builder.publisherId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.publisherId("x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
