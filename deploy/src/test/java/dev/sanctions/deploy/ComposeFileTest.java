package dev.sanctions.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.deploy.ComposeFile.Service;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml asks only for what the application and the Jib image really have. */
class ComposeFileTest {

    private static final String KAFKA = "kafka";
    private static final String REGISTRY = "schema-registry";
    private static final Set<String> APPLICATION_SERVICES = Set.of("init", "processor", "publish-examples", "bank");
    /** The producer's max.request.size and the announcements topic's max.message.bytes (docs/topics.md). */
    private static final long ANNOUNCEMENT_MAX_BYTES = 16L * 1024 * 1024;

    private static Checkout checkout;
    private static ComposeFile compose;
    private static CommandLineModel cli;
    private static JibConfiguration jib;

    @BeforeAll
    static void readFiles() {
        checkout = Checkout.fromModuleDirectory();
        compose = ComposeFile.read(checkout.composeFile());
        cli = CommandLineModel.ofSanctions(checkout.cliLoggingConfiguration());
        jib = JibConfiguration.read(checkout.cliModule().resolve("pom.xml"), checkout.parentPom());
    }

    @Test
    void hasTheBrokerTheRegistryAndTheApplicationServices() {
        assertThat(compose.services())
                .containsKeys(KAFKA, REGISTRY)
                .containsKeys(APPLICATION_SERVICES.toArray(String[]::new));
    }

    @Test
    void setsOnlySanctionsVariablesTheApplicationReads() {
        Set<String> used = compose.services().values().stream()
                .flatMap(service -> service.environment().keySet().stream())
                .filter(name -> name.startsWith("SANCTIONS_"))
                .collect(Collectors.toSet());

        assertThat(used).as("SANCTIONS_* variables set in docker-compose.yml").isNotEmpty();
        assertThat(cli.environmentVariables())
                .as("variables the command line reads")
                .containsAll(used);
    }

    @Test
    void runsOnlyCommandsAndOptionsTheCommandLineHas() {
        for (Service service : applicationServices()) {
            List<String> command = service.command();
            assertThat(command).as(service.name() + "'s command").isNotEmpty();
            assertThat(cli.commands())
                    .as("commands of the command line, for " + service.name())
                    .contains(command.get(0));
            Set<String> options = command.stream()
                    .filter(word -> word.startsWith("-"))
                    .map(word -> word.split("=", 2)[0])
                    .collect(Collectors.toSet());
            assertThat(cli.optionsByCommand().get(command.get(0)))
                    .as("options of '" + command.get(0) + "', used by " + service.name())
                    .containsAll(options);
        }
    }

    @Test
    void dependsOnlyOnServicesThatCanMeetTheCondition() {
        for (Service service : compose.services().values()) {
            service.dependsOn().forEach((target, condition) -> {
                assertThat(compose.services())
                        .as(service.name() + " depends on")
                        .containsKey(target);
                Service dependency = compose.service(target);
                switch (condition) {
                    case "service_healthy" ->
                        assertThat(dependency.healthcheck())
                                .as(target + " needs a healthcheck for " + service.name())
                                .isNotBlank();
                    case "service_completed_successfully" ->
                        assertThat(dependency.restart())
                                .as(target + " must be a one-shot for " + service.name())
                                .isEqualTo("no");
                    default -> assertThat(condition).isEqualTo("service_started");
                }
                assertThat(dependency.profiles())
                        .as(service.name() + " cannot need a service of a profile it lacks")
                        .isSubsetOf(service.profiles());
            });
        }
    }

    @Test
    void applicationServicesRunTheImageJibBuilds() {
        for (Service service : applicationServices()) {
            int colon = service.image().lastIndexOf(':');
            assertThat(colon).as(service.name() + "'s image has a tag").isPositive();
            assertThat(service.image().substring(0, colon))
                    .as(service.name() + "'s image")
                    .isEqualTo(jib.imageName());
            assertThat(jib.allTags())
                    .as("tags Jib gives the image, for " + service.name())
                    .contains(service.image().substring(colon + 1));
        }
    }

    @Test
    void applicationsReachKafkaAndTheRegistryAtAddressesTheyAdvertise() {
        Service kafka = compose.service(KAFKA);
        Map<String, String> advertised =
                listeners(kafka.env("KAFKA_ADVERTISED_LISTENERS").orElseThrow());
        Map<String, String> listening = listeners(kafka.env("KAFKA_LISTENERS").orElseThrow());
        assertThat(listening)
                .as("KAFKA_LISTENERS")
                .containsKeys(advertised.keySet().toArray(String[]::new));

        for (Service service : applicationServices()) {
            String bootstrap = service.env("SANCTIONS_BOOTSTRAP_SERVERS").orElseThrow();
            assertThat(advertised)
                    .as(service.name() + "'s SANCTIONS_BOOTSTRAP_SERVERS")
                    .containsValue(bootstrap);
            assertThat(bootstrap).startsWith(KAFKA + ":");
            assertThat(service.env("SANCTIONS_SCHEMA_REGISTRY_URL"))
                    .as(service.name())
                    .hasValue(compose.service(REGISTRY)
                            .env("SCHEMA_REGISTRY_LISTENERS")
                            .orElseThrow()
                            .replace("0.0.0.0", REGISTRY));
        }
        String registryStore = compose.service(REGISTRY)
                .env("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")
                .orElseThrow();
        assertThat(advertised.values())
                .as("the registry's Kafka store")
                .anySatisfy(address -> assertThat(registryStore).endsWith("://" + address));
    }

    @Test
    void hostClientsReachKafkaOnThePublishedPortItAdvertises() {
        Service kafka = compose.service(KAFKA);
        Map<String, String> advertised =
                listeners(kafka.env("KAFKA_ADVERTISED_LISTENERS").orElseThrow());
        List<String> hostAddresses = advertised.values().stream()
                .filter(a -> a.startsWith("localhost:"))
                .toList();

        assertThat(hostAddresses).as("a listener advertised for the host").hasSize(1);
        String port = hostAddresses.get(0).substring("localhost:".length());
        assertThat(kafka.ports()).contains(port + ":" + port);
        assertThat(kafka.healthcheck()).contains("--bootstrap-server localhost:" + port);
    }

    @Test
    void brokerIsSetUpForOneNodeAndExactlyOnce() {
        Service kafka = compose.service(KAFKA);

        assertThat(kafka.env("KAFKA_PROCESS_ROLES")).hasValue("broker,controller");
        assertThat(kafka.env("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).hasValue("1");
        assertThat(kafka.env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).hasValue("1");
        assertThat(kafka.env("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).hasValue("1");
        assertThat(kafka.env("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).hasValue("false");
        assertThat(Long.parseLong(kafka.env("KAFKA_MESSAGE_MAX_BYTES").orElseThrow()))
                .isGreaterThanOrEqualTo(ANNOUNCEMENT_MAX_BYTES);
        assertThat(kafka.env("CLUSTER_ID"))
                .as("the apache/kafka image formats KRaft storage with it")
                .isPresent();
        assertThat(kafka.env("KAFKA_CONTROLLER_QUORUM_VOTERS").orElseThrow())
                .isEqualTo(kafka.env("KAFKA_NODE_ID").orElseThrow() + "@kafka:"
                        + listeners(kafka.env("KAFKA_LISTENERS").orElseThrow())
                                .get(kafka.env("KAFKA_CONTROLLER_LISTENER_NAMES")
                                        .orElseThrow())
                                .split(":")[1]);
    }

    @Test
    void processorServesItsHttpApiOnThePublishedPortAndKeepsStateOnAVolume() {
        Service processor = compose.service("processor");
        String port = processor.env("SANCTIONS_HTTP_PORT").orElse("8080");

        assertThat(processor.env("SANCTIONS_HTTP_HOST"))
                .as("reachable from outside the container")
                .hasValue("0.0.0.0");
        assertThat(processor.ports()).contains(port + ":" + port);
        assertThat(processor.healthcheck()).contains("/health").contains("/" + port);
        String stateDir = processor.env("SANCTIONS_STATE_DIR").orElseThrow();
        assertThat(processor.volumes()).as("a named volume holding " + stateDir).anySatisfy(volume -> {
            String[] parts = volume.split(":");
            assertThat(compose.volumes()).contains(parts[0]);
            assertThat(stateDir + "/").startsWith(parts[1] + "/");
        });
    }

    @Test
    void everyNamedVolumeIsDeclared() {
        for (Service service : compose.services().values()) {
            for (String volume : service.volumes()) {
                String source = volume.split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(compose.volumes())
                            .as(service.name() + "'s volume")
                            .contains(source);
                }
            }
        }
    }

    @Test
    void publishesTheExamplesWhereTheImageHasThem() {
        List<String> command = compose.service("publish-examples").command();
        String examplesInImage = jib.extraDirectories().get(checkout.root().resolve("examples"));

        assertThat(examplesInImage)
                .as("the examples directory in the Jib image")
                .isNotNull();
        assertThat(command).containsExactly("publish", examplesInImage);
    }

    private static List<Service> applicationServices() {
        return APPLICATION_SERVICES.stream().map(compose::service).toList();
    }

    /** {@code NAME://host:port,...} as listener name to {@code host:port} (host may be empty). */
    private static Map<String, String> listeners(String value) {
        return Arrays.stream(value.split(","))
                .map(listener -> listener.trim().split("://", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }
}
