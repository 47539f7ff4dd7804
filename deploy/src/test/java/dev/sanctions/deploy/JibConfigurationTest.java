package dev.sanctions.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jib image of the cli module starts the command line with the JVM flags ./sanctions uses, as a user who can write state. */
class JibConfigurationTest {

    private static Checkout checkout;
    private static JibConfiguration jib;
    private static CommandLineModel cli;

    @BeforeAll
    static void readFiles() {
        checkout = Checkout.fromModuleDirectory();
        jib = JibConfiguration.read(checkout.cliModule().resolve("pom.xml"), checkout.parentPom());
        cli = CommandLineModel.ofSanctions(checkout.cliLoggingConfiguration());
    }

    @Test
    void isBoundToNoPhaseSoTheBuildNeedsNoDockerOrRegistry() {
        assertThat(jib.boundToLifecycle())
                .as("<executions> of " + JibConfiguration.PLUGIN)
                .isFalse();
    }

    @Test
    void startsTheCommandLineWithAvroTrustingTheGeneratedClasses() throws Exception {
        Method main = Class.forName(jib.mainClass()).getMethod("main", String[].class);

        assertThat(Modifier.isStatic(main.getModifiers()))
                .as(main + " is static")
                .isTrue();
        assertThat(jib.jvmFlags()).contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.sanctions.avro");
        assertThat(Files.readString(checkout.root().resolve("sanctions")))
                .as("the launcher passes the same flag")
                .contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.sanctions.avro");
    }

    @Test
    void boundsTheHeapAsTheLauncherDoes() throws Exception {
        assertThat(jib.jvmFlags())
                .as("a share of the container's memory, and a restart instead of a process limping on after an OOM")
                .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(Files.readString(checkout.root().resolve("sanctions")))
                .as("the launcher sets a heap unless SANCTIONS_JAVA_OPTS gives one")
                .contains("-Xmx1g")
                .contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void setsOnlyVariablesTheApplicationReads() {
        assertThat(jib.environment()).isNotEmpty();
        assertThat(cli.environmentVariables()).containsAll(jib.environment().keySet());
    }

    @Test
    void exposesTheHttpPortOfTheProcessor() {
        String port = ComposeFile.read(checkout.composeFile())
                .service("processor")
                .env("SANCTIONS_HTTP_PORT")
                .orElse("8080");

        assertThat(jib.ports()).containsExactly(port);
    }

    @Test
    void copiesDirectoriesThatExist() {
        assertThat(jib.extraDirectories()).isNotEmpty();
        jib.extraDirectories().keySet().forEach(from -> assertThat(from).isDirectory());
    }

    @Test
    void runsAsANonRootUserWhoCanWriteTheStateDirectory() {
        Path stateDir = Path.of(jib.environment().get("SANCTIONS_STATE_DIR"));
        Map.Entry<String, String> writable = jib.permissions().entrySet().stream()
                .filter(permission -> stateDir.startsWith(permission.getKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no <permission> covers " + stateDir));
        int mode = Integer.parseInt(writable.getValue(), 8);

        assertThat(jib.uid()).as("uid").isNotZero();
        assertThat(jib.gid()).as("gid that owns the image's files").hasValue(0);
        assertThat(mode & 0070).as("group rwx on " + writable.getKey()).isEqualTo(0070);
        assertThat(jib.extraDirectories())
                .as("an extra directory that creates " + writable.getKey())
                .anySatisfy((from, into) -> {
                    Path inImage = Path.of(writable.getKey());
                    assertThat(inImage).startsWithRaw(Path.of(into));
                    assertThat(from.resolve(Path.of(into).relativize(inImage))).isDirectory();
                });
    }
}
