package dev.sanctions.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --wait [--timeout DURATION]} of publish and import, as an argument group: {@code --timeout} alone is a usage
 * error, since there is nothing to time out without waiting.
 */
final class WaitOptions {

    @Option(
            names = "--wait",
            required = true,
            description = "After publishing, wait for the processor's receipt of each announcement and print what it"
                    + " did: exit 0 when everything took effect, 3 when something was rejected, 1 on timeout.")
    boolean wait;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Durations.class,
            defaultValue = "60s",
            description = "With --wait: how long to wait for the receipts, e.g. 30s or 5m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    Duration timeout() {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new UserInputException("--timeout must be positive, got " + timeout);
        }
        return timeout;
    }
}
