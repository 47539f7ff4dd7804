package dev.sanctions.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the repository the deployment is made of, found from this module's directory (Surefire's cwd). */
record Checkout(Path root) {

    static Checkout fromModuleDirectory() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("docker-compose.yml")) || !Files.isDirectory(root.resolve("cli"))) {
            throw new IllegalStateException(
                    "run the tests from the deploy module's directory: " + root + " has no docker-compose.yml or cli/");
        }
        return new Checkout(root);
    }

    Path composeFile() {
        return root.resolve("docker-compose.yml");
    }

    Path cliModule() {
        return root.resolve("cli");
    }

    Path cliLoggingConfiguration() {
        return cliModule().resolve("src/main/resources/logback.xml");
    }

    Path parentPom() {
        return root.resolve("pom.xml");
    }
}
