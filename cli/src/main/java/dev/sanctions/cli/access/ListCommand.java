package dev.sanctions.cli.access;

import dev.sanctions.cli.ConnectionOptions;
import dev.sanctions.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the principals (SCRAM users and those named by ACLs) and what each may do.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        Map<String, Set<String>> users;
        Map<String, List<AclBinding>> acls;
        try (Admin admin = Admin.create(connection.kafkaProperties())) {
            Principals principals = new Principals(admin);
            users = principals.users();
            acls = principals.acls();
        }
        Set<String> names = new TreeSet<>(users.keySet());
        names.addAll(acls.keySet());
        PrintWriter out = spec.commandLine().getOut();
        for (String name : names) {
            String login = users.containsKey(name) ? String.join(",", users.get(name)) : "no login";
            String grants = acls.containsKey(name) ? describe(acls.get(name)) : "no ACLs (a super user has all)";
            out.printf("%s (%s): %s%n", name, login, grants);
        }
        out.printf("%d principal(s)%n", names.size());
        return ExitCodes.OK;
    }

    /** "topic sanctions.changes.jp: DESCRIBE,READ; group bank-jp.*: DESCRIBE,READ", one entry per resource. */
    private static String describe(List<AclBinding> bindings) {
        Map<String, Set<String>> byResource = new TreeMap<>();
        for (AclBinding binding : bindings) {
            ResourcePattern pattern = binding.pattern();
            String resource = pattern.resourceType()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-') + " " + pattern.name()
                    + (pattern.patternType() == PatternType.PREFIXED ? "*" : "");
            String operation = binding.entry().operation().name()
                    + (binding.entry().permissionType().name().equals("DENY") ? "(denied)" : "");
            byResource.computeIfAbsent(resource, r -> new TreeSet<>()).add(operation);
        }
        StringBuilder text = new StringBuilder();
        byResource.forEach((resource, operations) -> {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(resource).append(": ").append(String.join(",", operations));
        });
        return text.toString();
    }
}
