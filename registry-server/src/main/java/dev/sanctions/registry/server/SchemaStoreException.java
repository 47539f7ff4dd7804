package dev.sanctions.registry.server;

/** The schema store could not read or write its log; the message says what to check. */
public class SchemaStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaStoreException(String message) {
        super(message);
    }

    public SchemaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
