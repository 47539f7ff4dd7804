package dev.sanctions.http;

import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of daemon threads with a bounded queue: work beyond both is refused at once rather than left to
 * wait behind work that may never end.
 */
final class Lane {

    private final ThreadPoolExecutor executor;

    /** Threads are named after the service and the job, e.g. {@code schema-registry-read-1}. */
    Lane(String service, String job, int threads, int queued) {
        executor = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued),
                daemonThreads(service, job),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} on a thread of this lane, or refuses it when every thread is busy and the queue full. */
    void run(Runnable work) throws RejectedExecutionException {
        executor.execute(work);
    }

    void shutdown() {
        executor.shutdown();
    }

    /** Waits until the lane's threads have ended, at most until {@code deadlineNanos} ({@link System#nanoTime}). */
    void awaitTermination(long deadlineNanos) throws InterruptedException {
        executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static ThreadFactory daemonThreads(String service, String job) {
        String prefix = service.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + job + "-";
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
