package dev.sanctions.subscriber;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a {@link SubscriptionRun} does with each record at or after its start. */
@FunctionalInterface
interface RecordSink {

    /**
     * Hands the record on, or skips it.
     *
     * @return whether the record was handed on, so counts toward the stop condition's limit
     */
    boolean deliver(ConsumerRecord<String, byte[]> record);
}
