package dev.sanctions.subscriber;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When {@link Subscriber#run} returns on its own: after {@code maxIdle} with no new notification, and/or after
 * {@code limit} notifications were handed to {@link DesignationListener#onChange}. Snapshot states count for
 * neither; the idle clock starts once the snapshot has been delivered. Neither set: run until
 * {@link Subscriber#wakeup()}.
 */
public record StopCondition(Optional<Duration> maxIdle, OptionalLong limit) {

    public StopCondition {
        Objects.requireNonNull(maxIdle, "maxIdle");
        Objects.requireNonNull(limit, "limit");
        maxIdle.ifPresent(idle -> {
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("the maximum idle time must be positive, got " + idle);
            }
        });
        limit.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("the notification limit must be at least 1, got " + n);
            }
        });
    }

    /** Run until woken up. */
    public static StopCondition never() {
        return new StopCondition(Optional.empty(), OptionalLong.empty());
    }

    /** This condition, also stopping after {@code idle} without a new notification. */
    public StopCondition withMaxIdle(Duration idle) {
        return new StopCondition(Optional.of(idle), limit);
    }

    /** This condition, also stopping after {@code notifications} notifications. */
    public StopCondition withLimit(long notifications) {
        return new StopCondition(maxIdle, OptionalLong.of(notifications));
    }

    boolean limitReached(long delivered) {
        return limit.isPresent() && delivered >= limit.getAsLong();
    }
}
