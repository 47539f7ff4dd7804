package dev.sanctions.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The ./sanctions command line: the cli module's commands and the ones that start a broker in-process. */
class SanctionsLauncherTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run run = run("--help");
        assertThat(run.code).isZero();
        assertThat(run.out)
                .contains(
                        "init",
                        "publish",
                        "import",
                        "processor",
                        "subscribe",
                        "state",
                        "replay",
                        "dev",
                        "demo",
                        "bench");
    }

    @Test
    void addsDevDemoAndBenchAfterTheCommandsOfTheCliAndBeforeHelp() {
        assertThat(SanctionsLauncher.commandLine().getSubcommands().keySet())
                .containsExactly(
                        "init",
                        "publish",
                        "import",
                        "processor",
                        "subscribe",
                        "state",
                        "replay",
                        "rejected",
                        "dlq",
                        "access",
                        "dev",
                        "demo",
                        "bench",
                        "help");
    }

    @Test
    void versionNamesTheKafkaClientsAndExitsZero() {
        Run run = run("--version");
        assertThat(run.code).isZero();
        assertThat(run.out).startsWith("sanctions ").contains("Kafka clients ", "Java ");
    }

    @Test
    void theCommandsThatStartABrokerSayWhichCommonOptionsTheyDoNotUse() {
        // --actions 0 is refused before a broker starts, after the note.
        Run run = run("bench", "--bootstrap-servers", "elsewhere:9092", "--actions", "0");
        assertThat(run.err)
                .contains("sanctions bench: --bootstrap-servers is not used")
                .contains("--actions must be at least 1");
        assertThat(run.code).isEqualTo(2);
    }

    @Test
    void devRefusesTlsWithoutSecureBeforeStartingAnything() {
        Run run = run("dev", "--tls", "--data-dir", "target/never-created");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--tls goes with --secure");
        assertThat(java.nio.file.Path.of("target/never-created")).doesNotExist();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SanctionsLauncher.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
