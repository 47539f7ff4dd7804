package dev.sanctions.cli;

import dev.sanctions.testkit.KafkaBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the command line, its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SanctionsCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code command} with the options that point it at the test cluster and at the test's topic prefix. */
    static String[] onCluster(KafkaBackend kafka, String topicPrefix, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--schema-registry-url",
                kafka.schemaRegistryUrl(),
                "--topic-prefix",
                topicPrefix));
        return all.toArray(String[]::new);
    }
}
