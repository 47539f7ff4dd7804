package dev.sanctions.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HTTP server that slow clients cannot freeze. Bound first and served later, so that its port is known before
 * what it serves exists.
 *
 * <p>The JDK server reads a request line and headers on a thread of its executor, blocking, from the moment the
 * first byte arrives; a client that sends the rest slowly, or never, holds that thread. So reading has threads of
 * its own ({@value #READERS}, with {@value #READ_QUEUE} connections waiting; beyond that a new connection is closed
 * at once), which also take in the body ({@link Dispatch}), and a request must have arrived whole within
 * {@value #REQUEST_TIMEOUT_SECONDS} s or the server closes its connection. Complete requests are answered on
 * {@value #HANDLER_THREADS} other threads with at most {@value #HANDLER_QUEUE} waiting, beyond which the client
 * gets 503 with {@code Retry-After: 1}; probes ({@code /health}, {@code /metrics}) have a thread and queue of their
 * own, so no slow query delays them. Idle keep-alive connections are closed after the JDK's 30 s.
 */
public final class HttpService implements AutoCloseable {

    private static final int READERS = 32;
    private static final int READ_QUEUE = 64;
    static final int HANDLER_THREADS = 4;
    static final int HANDLER_QUEUE = 32;
    private static final int PROBE_THREADS = 1;
    private static final int PROBE_QUEUE = 16;
    /** For the line, headers and body of one request: none of our requests needs longer, even on a slow link. */
    private static final String REQUEST_TIMEOUT_SECONDS = "10";

    static {
        // The JDK server takes its timeouts only from system properties, which are JVM-wide and read once, when
        // the JVM's first server starts: these apply to every JDK server in the JVM (and not at all if another
        // started first), and a value set with -D wins. The idle keep-alive timeout (idleInterval) keeps the
        // JDK's 30 s. No response timeout (maxRspTime): it counts the handler's own work too (a processor asks
        // its peers, up to 10 s each), so it would cut slow answers rather than slow clients.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", REQUEST_TIMEOUT_SECONDS);
        }
    }

    private final String name;
    private final HttpServer server;
    private final String host;
    private final Lane readers;
    private final Lane handlers;
    private final Lane probes;
    /** Null: every request is served without credentials. */
    private BasicAccess access;

    private Set<String> openPaths = Set.of();

    private HttpService(String name, HttpServer server, String host) {
        this.name = name;
        this.server = server;
        this.host = host;
        this.readers = new Lane(name, "http-read", READERS, READ_QUEUE);
        this.handlers = new Lane(name, "http", HANDLER_THREADS, HANDLER_QUEUE);
        this.probes = new Lane(name, "http-probe", PROBE_THREADS, PROBE_QUEUE);
        // A connection the readers cannot take is closed by the JDK server: it catches the refusal.
        server.setExecutor(readers::run);
    }

    /**
     * Takes {@code host:port} ({@code port} 0 picks a free one) without serving yet.
     *
     * @param name what is served, for messages and thread names, e.g. {@code schema registry}
     * @throws IOException naming {@code host:port} and what to do when the address cannot be bound
     */
    public static HttpService bind(String name, String host, int port) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("Cannot start the " + name + " on " + host + ":" + port
                    + ": unknown host. Use an address of this machine, e.g. 127.0.0.1.");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new IOException(
                    "Cannot start the " + name + " on " + host + ":" + port + ": " + e.getMessage()
                            + ". Choose another port (0 picks a free one) or stop the process using it.",
                    e);
        }
        return new HttpService(name, server, host);
    }

    /**
     * Makes every route served afterwards ask for HTTP Basic credentials, except the {@code openPaths} (such as a
     * health probe, which orchestrators call without credentials).
     */
    public void requireLogin(BasicAccess basicAccess, Set<String> unauthenticatedPaths) {
        this.access = Objects.requireNonNull(basicAccess, "basicAccess");
        this.openPaths = Set.copyOf(unauthenticatedPaths);
    }

    /** Starts answering, with one handler per context path; a handler receives every path under its context. */
    public void serve(Map<String, HttpHandler> routes) {
        serve(routes, Set.of());
    }

    /**
     * Starts answering, with one handler per context path; the handlers of the {@code probePaths} (quick answers
     * from memory, such as {@code /health}) run on a thread of their own, never behind the others.
     */
    public void serve(Map<String, HttpHandler> routes, Set<String> probePaths) {
        if (!routes.keySet().containsAll(probePaths)) {
            throw new IllegalArgumentException(
                    "probe paths " + probePaths + " not among the routes " + routes.keySet());
        }
        routes.forEach((path, handler) -> {
            HttpContext context = server.createContext(
                    path, new Dispatch(name, handler, probePaths.contains(path) ? probes : handlers));
            if (access != null && !openPaths.contains(path)) {
                context.setAuthenticator(access.authenticator());
            }
        });
        server.start();
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:43211}: the host as given, IPv6 in brackets. */
    public URI url() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port());
    }

    /** Stops serving at once (open connections are closed) and gives the threads up to 5 s to end. */
    @Override
    public void close() {
        // Java 17's HttpServer.stop(n) always waits the full n seconds, even when idle.
        server.stop(0);
        readers.shutdown();
        handlers.shutdown();
        probes.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            readers.awaitTermination(deadline);
            handlers.awaitTermination(deadline);
            probes.awaitTermination(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
