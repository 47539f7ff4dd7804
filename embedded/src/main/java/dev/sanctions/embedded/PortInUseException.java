package dev.sanctions.embedded;

/**
 * A server of the embedded stack could not bind its port because something else already listens on it.
 * Thrown instead of letting the broker halt the JVM, so a command line can print {@link #getMessage()} and exit.
 */
public class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final String option;

    /**
     * @param option the command-line option that chooses this port, e.g. {@code --kafka-port}
     */
    public PortInUseException(String host, int port, String option, Throwable cause) {
        super(
                "port " + port + " on " + host + " is already in use: stop what uses it or choose another with "
                        + option,
                cause);
        this.host = host;
        this.port = port;
        this.option = option;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String option() {
        return option;
    }
}
