package dev.sanctions.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan that the other checks trust: it must find what picocli, the code and logback really read. */
class CliSourcesTest {

    @TempDir Path sources;

    @Test
    void findsVariablesCommandsAndTheOptionsOfEachCommand() throws IOException {
        write("java/x/Options.java", """
                final class Options {
                    @Option(names = "--bootstrap-servers", defaultValue = "${env:X_SERVERS:-localhost:9092}")
                    String servers;
                }
                """);
        write("java/x/Publish.java", """
                @Command(
                        name = "publish",
                        mixinStandardHelpOptions = true,
                        description = "Publishes (all or nothing). Default: ${DEFAULT-VALUE}.")
                final class Publish {
                    @Mixin Options options;
                    @Option(names = {"--dry-run", "-n"}) boolean dryRun;
                    String home = System.getenv( "X_HOME" );
                }
                """);
        write("java/x/Subscribe.java", """
                @Command(name = "subscribe")
                final class Subscribe {
                    @Option(names = "--snapshot") boolean snapshot;
                }
                """);
        write("resources/logback.xml", "<logger name=\"x\" level=\"${X_LOG_LEVEL:-INFO}\"/>");

        CliSources cli = CliSources.scan(sources);

        assertThat(cli.environmentVariables()).containsExactlyInAnyOrder("X_SERVERS", "X_HOME", "X_LOG_LEVEL");
        assertThat(cli.commands()).containsExactlyInAnyOrder("publish", "subscribe");
        assertThat(cli.optionsByCommand().get("publish"))
                .contains("--dry-run", "-n", "--bootstrap-servers", "--help")
                .doesNotContain("--snapshot");
        assertThat(cli.optionsByCommand().get("subscribe")).containsExactly("--snapshot");
    }

    @Test
    void findsTheRealCommandLine() {
        CliSources cli = CliSources.scan(Checkout.fromModuleDirectory().cliMainSources());

        assertThat(cli.commands()).contains("init", "processor", "publish", "subscribe");
        assertThat(cli.environmentVariables()).contains("SANCTIONS_BOOTSTRAP_SERVERS", "SANCTIONS_LOG_LEVEL");
        assertThat(cli.optionsByCommand().get("subscribe")).contains("--jurisdiction", "--bootstrap-servers");
    }

    private void write(String relative, String text) throws IOException {
        Path file = sources.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
