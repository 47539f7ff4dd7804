package dev.sanctions.registry.server;

/** Small evolving record schemas for compatibility tests. */
final class Schemas {

    private Schemas() {}

    /** A record "Thing" with the given field declarations, e.g. {@code field("a", "\"string\"")}. */
    static String thing(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"test\",\"fields\":[" + String.join(",", fields)
                + "]}";
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
    }

    static String defaulted(String name, String type, String defaultValue) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + ",\"default\":" + defaultValue + "}";
    }

    static final String A = thing(field("a", "\"string\""));
    static final String A_B_DEFAULTED = thing(field("a", "\"string\""), defaulted("b", "\"int\"", "0"));
    static final String A_B = thing(field("a", "\"string\""), field("b", "\"int\""));
    static final String B_DEFAULTED = thing(defaulted("b", "\"int\"", "0"));
}
