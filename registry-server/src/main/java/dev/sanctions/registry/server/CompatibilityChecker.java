package dev.sanctions.registry.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Avro reader/writer compatibility of a candidate schema against a subject's earlier versions. */
final class CompatibilityChecker {

    /** An earlier version of the subject. */
    record Earlier(int version, Schema schema) {}

    private CompatibilityChecker() {}

    /**
     * Checks {@code candidate} against {@code earlier} (oldest first) as {@code level} demands: the latest version
     * only, or every version when transitive.
     *
     * @return one message per problem; empty when compatible
     */
    static List<String> check(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Earlier> against = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Earlier version : against) {
            if (level.backward()) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema()),
                        "the new schema cannot read data written with version " + version.version(),
                        problems);
            }
            if (level.forward()) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(version.schema(), candidate),
                        "version " + version.version() + " cannot read data written with the new schema",
                        problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility result, String what, List<String> problems) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + " ("
                    + incompatibility.getMessage() + ")");
        }
    }
}
