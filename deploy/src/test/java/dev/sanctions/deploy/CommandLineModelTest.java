package dev.sanctions.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model that the other checks trust: it must find what picocli and logback really read. */
class CommandLineModelTest {

    @Test
    void findsVariablesCommandsAndTheOptionsOfEachCommand() {
        CommandLineModel cli =
                CommandLineModel.of(new CommandLine(new Root()), "<logger name=\"x\" level=\"${X_LOG_LEVEL:-INFO}\"/>");

        assertThat(cli.environmentVariables())
                .containsExactlyInAnyOrder("X_SERVERS", "X_FALLBACK_SERVERS", "X_FILES", "X_LOG_LEVEL");
        assertThat(cli.commands()).containsExactlyInAnyOrder("publish", "subscribe", "state", "state get");
        assertThat(cli.optionsByCommand().get("publish"))
                .contains("--dry-run", "-n", "--bootstrap-servers", "--help", "-h", "--version", "-V")
                .doesNotContain("--snapshot");
        assertThat(cli.optionsByCommand().get("subscribe")).containsExactly("--snapshot");
        assertThat(cli.optionsByCommand().get("state")).isEmpty();
        assertThat(cli.optionsByCommand().get("state get")).containsExactly("--as-of");
    }

    @Test
    void findsTheRealCommandLine() {
        CommandLineModel cli =
                CommandLineModel.ofSanctions(Checkout.fromModuleDirectory().cliLoggingConfiguration());

        assertThat(cli.commands()).contains("init", "processor", "publish", "subscribe");
        assertThat(cli.environmentVariables()).contains("SANCTIONS_BOOTSTRAP_SERVERS", "SANCTIONS_LOG_LEVEL");
        assertThat(cli.optionsByCommand().get("subscribe")).contains("--jurisdiction", "--bootstrap-servers");
    }

    @Command(
            name = "x",
            subcommands = {Publish.class, Subscribe.class, State.class})
    static final class Root {}

    static final class Connection {
        @Option(
                names = "--bootstrap-servers",
                defaultValue = "${env:X_SERVERS:-${env:X_FALLBACK_SERVERS:-localhost:9092}}")
        String servers;
    }

    @Command(name = "publish", mixinStandardHelpOptions = true)
    static final class Publish {
        @Mixin
        Connection connection;

        @Option(names = {"--dry-run", "-n"})
        boolean dryRun;

        @Parameters(defaultValue = "${env:X_FILES}")
        List<String> files;
    }

    @Command(name = "subscribe")
    static final class Subscribe {
        @Option(names = "--snapshot")
        boolean snapshot;
    }

    @Command(name = "state", subcommands = Get.class)
    static final class State {}

    @Command(name = "get")
    static final class Get {
        @Option(names = "--as-of")
        String asOf;
    }
}
