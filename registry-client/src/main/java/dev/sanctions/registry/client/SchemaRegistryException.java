package dev.sanctions.registry.client;

/**
 * A schema registry call that failed. {@link #httpStatus()} is 0 when no HTTP response arrived
 * (connection refused, timeout); {@link #errorCode()} is the registry's {@code error_code}
 * (e.g. 40401 subject not found, 40403 schema not found, 409/40901 incompatible), or the HTTP status
 * when the body carried none.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True for the registry's "incompatible schema" answer, whichever of its two codes the server uses. */
    public boolean isIncompatible() {
        return httpStatus == 409 || errorCode == 409 || errorCode == 40901;
    }
}
