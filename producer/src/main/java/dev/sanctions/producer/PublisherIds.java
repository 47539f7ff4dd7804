package dev.sanctions.producer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A publisher's stable name and the {@code transactional.id} it gives: {@code sanctions-publish.<name>}. A stable id
 * lets the next publish from the same desk fence a killed one and abort the transaction it left open at once;
 * a random id would leave it open, holding back every read_committed reader, until the broker's transaction
 * timeout. Access control grants a publisher the prefix {@code sanctions-publish.<name>}.
 */
final class PublisherIds {

    static final String TRANSACTIONAL_ID_PREFIX = "sanctions-publish.";
    private static final int MAX_NAME = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_NAME + "}");

    private PublisherIds() {}

    /** The transactional id of the publisher {@code name}; refuses a name that is not 1-100 of [A-Za-z0-9._@-]. */
    static String transactionalId(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("publisher id must be 1-" + MAX_NAME
                    + " characters of [A-Za-z0-9._@-], e.g. jp-mofa-desk, got '" + name + "'");
        }
        return TRANSACTIONAL_ID_PREFIX + name;
    }

    /** {@code user@host}, with any other character than [A-Za-z0-9._@-] replaced by '-': the same on every run. */
    static String defaultName() {
        String name = System.getProperty("user.name", "user") + "@" + hostName();
        String safe = name.replaceAll("[^A-Za-z0-9._@-]", "-");
        return safe.length() > MAX_NAME ? safe.substring(0, MAX_NAME) : safe;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
