package dev.sanctions.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The commands' stdout. Picocli's own writer wraps {@code System.out} in a Writer, which hides a failed write
 * (the reader of a pipe has gone: {@code subscribe | head -2}); a writer made on the PrintStream itself reports
 * it through {@link PrintWriter#checkError()}, so a follower stops instead of running on for nobody.
 */
final class StandardOutput {

    private StandardOutput() {}

    static PrintWriter writer() {
        return new PrintWriter(System.out, true, charset());
    }

    /** The encoding System.out itself uses, as picocli finds it. */
    private static Charset charset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }
}
