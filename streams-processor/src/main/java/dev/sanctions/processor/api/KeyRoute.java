package dev.sanctions.processor.api;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** Where a question about one designation is answered: here, by the instance that owns its partition, or not now. */
sealed interface KeyRoute {

    /** This instance owns the key: read {@code partition} of the local stores. */
    record Local(int partition) implements KeyRoute {}

    /** Another instance owns the key: ask it. */
    record Forward(HostInfo owner) implements KeyRoute {}

    /** Nobody can answer now (the group is rebalancing); the client should retry, not conclude "unknown". */
    record Unavailable(String reason) implements KeyRoute {}

    /**
     * @param forwarded whether another instance sent this request here: then it is answered here or not at all,
     *     so that two instances whose metadata disagree during a rebalance never bounce it back and forth
     */
    static KeyRoute decide(KeyQueryMetadata metadata, HostInfo self, boolean forwarded) {
        HostInfo owner = metadata == null ? null : metadata.activeHost();
        if (owner == null || owner.equals(HostInfo.unavailable()) || metadata.partition() < 0) {
            return new Unavailable("no processor instance owns this key right now (the group is rebalancing)");
        }
        if (owner.equals(self)) {
            return new Local(metadata.partition());
        }
        if (forwarded) {
            return new Unavailable(
                    "this key is moving to " + owner.host() + ":" + owner.port() + " (the group is rebalancing)");
        }
        return new Forward(owner);
    }
}
