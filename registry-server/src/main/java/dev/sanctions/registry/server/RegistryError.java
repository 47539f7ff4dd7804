package dev.sanctions.registry.server;

import dev.sanctions.http.RequestRefused;

/**
 * A request the registry refuses, answered as Confluent does: HTTP status plus {"error_code", "message"}, the
 * code finer than the status (40401: subject not found).
 */
final class RegistryError extends RequestRefused {

    private static final long serialVersionUID = 1L;

    private final int errorCode;

    RegistryError(int httpStatus, int errorCode, String message) {
        super(httpStatus, message);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, int version) {
        return new RegistryError(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, 40403, what);
    }

    static RegistryError subjectLevelNotConfigured(String subject) {
        return new RegistryError(
                404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError incompatible(String subject, Iterable<String> problems) {
        return new RegistryError(
                409,
                409,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + problems);
    }

    static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(
                422,
                42202,
                "The specified version '" + version + "' is not a valid version id. "
                        + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidLevel(String level) {
        return new RegistryError(
                422,
                42203,
                "Invalid compatibility level '" + level + "'. Valid values are: " + CompatibilityLevel.allowed());
    }
}
