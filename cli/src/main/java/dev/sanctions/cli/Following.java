package dev.sanctions.cli;

import dev.sanctions.subscriber.OutputClosed;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a follower (subscribe, rejected, dlq) on this thread until it stops on its own, on Ctrl-C or SIGTERM (the
 * shutdown hook wakes it and waits for it to commit and close), or when the reader of stdout has gone
 * ({@code | head -2}): that last is the end the user asked for, so it ends with exit 0 like the others.
 */
final class Following {

    private Following() {}

    static int run(Runnable wakeup, Runnable follow) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(
                () -> {
                    wakeup.run();
                    try {
                        finished.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "follow-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            follow.run();
        } catch (OutputClosed readerGone) {
            // Nothing more to say: nobody reads it.
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        } catch (IllegalStateException shuttingDown) {
            // removeShutdownHook throws while the JVM is already exiting on Ctrl-C: the run ended as asked.
        }
        return ExitCodes.OK;
    }
}
