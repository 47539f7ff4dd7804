package dev.sanctions.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The only address the embedded servers listen on, and the ports free on it. */
final class Loopback {
    static final String HOST = "127.0.0.1";

    private Loopback() {}

    /** A port free right now; another process may take it before it is bound, so callers retry on a clash. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, address())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, address())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    static InetAddress address() {
        try {
            return InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
