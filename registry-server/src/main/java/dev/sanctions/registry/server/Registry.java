package dev.sanctions.registry.server;

import dev.sanctions.registry.server.CompatibilityChecker.Earlier;
import dev.sanctions.registry.server.StoreRecord.CompatibilitySet;
import dev.sanctions.registry.server.StoreRecord.SchemaVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The registry's rules over its log: ids are global (one id per distinct canonical schema, whatever the subject),
 * versions count per subject from 1, and a new version must satisfy the subject's compatibility level.
 * One writer at a time: every method is synchronized, and a change is applied only after the store holds it.
 */
final class Registry {

    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    /** The outcome of a compatibility test. */
    record Verdict(boolean compatible, List<String> messages) {}

    private final SchemaStore store;
    private final NavigableMap<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemaTextById = new HashMap<>();
    private final Map<String, Integer> idBySchemaText = new HashMap<>();
    private final Map<String, Schema> parsedByText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int nextId = 1;

    private Registry(SchemaStore store) {
        this.store = store;
    }

    /** A registry holding everything {@code store} has logged. */
    static Registry replaying(SchemaStore store) {
        Registry registry = new Registry(store);
        store.replay().forEach(registry::apply);
        return registry;
    }

    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        NavigableMap<Integer, SchemaVersion> versions = subjects.getOrDefault(subject, new TreeMap<>());
        for (SchemaVersion version : versions.values()) {
            if (version.schema().equals(canonical)) {
                return version.id();
            }
        }
        List<String> problems = CompatibilityChecker.check(level(subject), schema, earlier(versions.values()));
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible(subject, problems);
        }
        int id = idBySchemaText.getOrDefault(canonical, nextId);
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        SchemaVersion record = new SchemaVersion(subject, version, id, canonical);
        store.append(record);
        apply(record);
        return id;
    }

    synchronized SchemaVersion lookup(String subject, String schemaText) {
        NavigableMap<Integer, SchemaVersion> versions = versions(subject);
        String canonical = parse(schemaText).toString();
        return versions.values().stream()
                .filter(version -> version.schema().equals(canonical))
                .findFirst()
                .orElseThrow(() -> RegistryError.schemaNotFound("Schema not found under subject '" + subject + "'."));
    }

    synchronized String schemaById(int id) {
        String text = schemaTextById.get(id);
        if (text == null) {
            throw RegistryError.schemaNotFound("Schema " + id + " not found");
        }
        return text;
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<Integer> versionNumbers(String subject) {
        return List.copyOf(versions(subject).keySet());
    }

    /** {@code versionText} is a number from 1, "latest" or -1 (Confluent's alias of latest). */
    synchronized SchemaVersion version(String subject, String versionText) {
        NavigableMap<Integer, SchemaVersion> versions = versions(subject);
        int wanted = parseVersion(versionText);
        SchemaVersion found = wanted == -1 ? versions.lastEntry().getValue() : versions.get(wanted);
        if (found == null) {
            throw RegistryError.versionNotFound(subject, wanted);
        }
        return found;
    }

    /**
     * Tests {@code schemaText} as Confluent's compatibility resource does: against one given version, or, for
     * "latest" or no version, against the subject's history as its level demands.
     */
    synchronized Verdict testCompatibility(String subject, String versionText, String schemaText) {
        Schema schema = parse(schemaText);
        CompatibilityLevel level = level(subject);
        boolean whole = versionText == null || parseVersion(versionText) == -1;
        List<String> problems;
        if (whole) {
            NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
            problems = versions == null
                    ? List.of()
                    : CompatibilityChecker.check(level, schema, earlier(versions.values()));
        } else {
            SchemaVersion version = version(subject, versionText);
            problems = CompatibilityChecker.check(level, schema, earlier(List.of(version)));
        }
        return new Verdict(problems.isEmpty(), problems);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level; with {@code defaultToGlobal} the global one when it has none. */
    synchronized CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        CompatibilityLevel own = subjectLevels.get(subject);
        if (own != null) {
            return own;
        }
        if (defaultToGlobal) {
            return globalLevel;
        }
        throw RegistryError.subjectLevelNotConfigured(subject);
    }

    /** Sets the level of {@code subject}, or the global level when it is null. */
    synchronized CompatibilityLevel setLevel(String subject, String levelText) {
        CompatibilityLevel level =
                CompatibilityLevel.parse(levelText).orElseThrow(() -> RegistryError.invalidLevel(levelText));
        CompatibilitySet record = new CompatibilitySet(subject, level);
        store.append(record);
        apply(record);
        return level;
    }

    private void apply(StoreRecord record) {
        if (record instanceof SchemaVersion version) {
            subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
            schemaTextById.putIfAbsent(version.id(), version.schema());
            idBySchemaText.putIfAbsent(version.schema(), version.id());
            nextId = Math.max(nextId, version.id() + 1);
        } else if (record instanceof CompatibilitySet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        }
    }

    private CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private NavigableMap<Integer, SchemaVersion> versions(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private List<Earlier> earlier(Iterable<SchemaVersion> versions) {
        List<Earlier> earlier = new ArrayList<>();
        for (SchemaVersion version : versions) {
            earlier.add(
                    new Earlier(version.version(), parsedByText.computeIfAbsent(version.schema(), Registry::parse)));
        }
        return earlier;
    }

    private static int parseVersion(String text) {
        if (text.trim().equalsIgnoreCase("latest")) {
            return -1;
        }
        try {
            int version = Integer.parseInt(text.trim());
            if (version == -1 || version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Reported below like any other invalid version.
        }
        throw RegistryError.invalidVersion(text);
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("the request has no schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }
}
