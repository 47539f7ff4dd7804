package dev.sanctions.http;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * HTTP Basic authentication with two roles: every principal the check accepts may read; only the
 * {@code writers} may change anything. A request without valid credentials gets 401 before any handler runs.
 */
public final class BasicAccess {

    private final String realm;
    private final BiPredicate<String, String> check;
    private final Set<String> writers;

    /**
     * @param realm shown by browsers and in the {@code WWW-Authenticate} header, e.g. {@code sanctions}
     * @param check whether a user name and password are valid
     * @param writers the principals allowed to change things
     */
    public BasicAccess(String realm, BiPredicate<String, String> check, Set<String> writers) {
        this.realm = realm;
        this.check = check;
        this.writers = Set.copyOf(writers);
    }

    /** A fresh authenticator for one context of the JDK server. */
    BasicAuthenticator authenticator() {
        return new BasicAuthenticator(realm) {
            @Override
            public boolean checkCredentials(String user, String password) {
                return check.test(user, password);
            }
        };
    }

    /** True when the request's authenticated principal may change things. */
    public boolean mayWrite(HttpExchange exchange) {
        HttpPrincipal principal = exchange.getPrincipal();
        return principal != null && writers.contains(principal.getUsername());
    }

    /** The authenticated principal's name, for messages. */
    public static String principal(HttpExchange exchange) {
        HttpPrincipal principal = exchange.getPrincipal();
        return principal == null ? "anonymous" : principal.getUsername();
    }
}
