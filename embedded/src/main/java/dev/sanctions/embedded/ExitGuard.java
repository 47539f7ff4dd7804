package dev.sanctions.embedded;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * While an embedded broker starts, replaces Kafka's exit and halt procedures (which end the JVM on a fatal start-up
 * fault such as a taken port) with ones that throw and remember the fault. The procedures are JVM-wide, so starts are
 * serialized on one lock; after start-up the defaults come back, as a running broker's fatal faults are genuinely fatal.
 */
final class ExitGuard implements AutoCloseable {
    private static final ReentrantLock STARTING = new ReentrantLock();

    private final AtomicReference<BrokerHaltedException> fault = new AtomicReference<>();

    private ExitGuard() {}

    /** Holds the JVM-wide start-up lock until closed, which must happen on the same thread. */
    static ExitGuard install() {
        STARTING.lock();
        ExitGuard guard = new ExitGuard();
        Exit.Procedure throwing = (statusCode, message) -> {
            BrokerHaltedException halted = new BrokerHaltedException(statusCode, message);
            guard.fault.compareAndSet(null, halted);
            throw halted;
        };
        Exit.setExitProcedure(throwing);
        Exit.setHaltProcedure(throwing);
        return guard;
    }

    /** The first exit or halt the broker asked for since {@link #install()}, on any thread, or null. */
    BrokerHaltedException fault() {
        return fault.get();
    }

    @Override
    public void close() {
        try {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        } finally {
            STARTING.unlock();
        }
    }
}
