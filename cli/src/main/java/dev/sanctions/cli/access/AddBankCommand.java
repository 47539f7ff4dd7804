package dev.sanctions.cli.access;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import dev.sanctions.cli.UserInputException;
import dev.sanctions.core.Jurisdictions;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.security.ClientCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "add-bank",
        mixinStandardHelpOptions = true,
        description = {
            "Create a bank's login: it may read the notifications of its jurisdictions, nothing else.",
            "READ on sanctions.changes.<j> of each --jurisdiction (with --all-jurisdictions: every change topic and",
            "sanctions.designations), consumer groups named NAME.*, no WRITE anywhere; read-only on the registry",
            "and the HTTP API. Writes the bank's client properties file (mode 600) and prints its path."
        })
final class AddBankCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "NAME", description = "The bank's principal, e.g. bank-jp (letters, digits, . _ -).")
    String name;

    @Option(
            names = "--jurisdiction",
            paramLabel = "J",
            split = ",",
            description = "A jurisdiction whose notifications the bank may read (e.g. JP); repeat for several.")
    List<String> jurisdictions = new ArrayList<>();

    @Option(
            names = "--all-jurisdictions",
            description = "Every jurisdiction, present and future, and the current designations.")
    boolean allJurisdictions;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Where to write the bank's client properties (default: NAME.properties).")
    Path output;

    @Override
    public Integer call() {
        if (jurisdictions.isEmpty() == !allJurisdictions) {
            throw new UserInputException("give the bank's jurisdictions with --jurisdiction J (repeat for several),"
                    + " or --all-jurisdictions; not both");
        }
        List<String> codes = new ArrayList<>();
        for (String jurisdiction : jurisdictions) {
            String code = jurisdiction.strip().toUpperCase(Locale.ROOT);
            Jurisdictions.problem(code).ifPresent(problem -> {
                throw new UserInputException("--jurisdiction: " + problem);
            });
            codes.add(code);
        }
        ClientCredentials bank = HandOver.newPrincipal(name);
        Topics topics = Topics.withPrefix(connection.topicPrefix());
        Path file = HandOver.create(
                connection, bank, new Grants(topics).bank(name, codes, allJurisdictions), output, "bank");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "bank %s may read %s; consumer groups %s.*%n",
                name,
                allJurisdictions
                        ? topics.changes() + "* and " + topics.designations()
                        : String.join(", ", codes.stream().map(topics::changes).toList()),
                name);
        out.println("wrote " + file + " (mode 600): hand it to the bank, to use with --command-config");
        return ExitCodes.OK;
    }
}
