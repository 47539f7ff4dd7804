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
        return freePorts(1)[0];
    }

    /**
     * {@code count} different ports free right now, as {@link #freePort()}. They are chosen while all are held:
     * asked one after another, the system may hand out a port it has just taken back, and two listeners of one
     * broker on the same port refuse to start.
     */
    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, address());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Only a port probe: nothing was bound through it that could be lost.
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
