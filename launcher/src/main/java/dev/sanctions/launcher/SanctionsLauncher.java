package dev.sanctions.launcher;

import dev.sanctions.cli.SanctionsCli;
import picocli.CommandLine;

/**
 * The {@code sanctions} command that the ./sanctions script runs: the cli module's commands, which work against an
 * existing cluster, and the ones that start a Kafka broker in this JVM (dev, demo, bench). Only this jar carries the
 * broker; the container image is the cli module alone.
 */
public final class SanctionsLauncher {

    private SanctionsLauncher() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return SanctionsCli.commandLine(new DevCommand(), new DemoCommand(), new BenchCommand());
    }
}
