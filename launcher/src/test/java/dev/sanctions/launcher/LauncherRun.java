package dev.sanctions.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One run of {@code ./sanctions}'s command line in this JVM: its exit code and what it printed. */
record LauncherRun(int code, String out, String err) {

    static LauncherRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SanctionsLauncher.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new LauncherRun(code, out.toString(), err.toString());
    }

    static LauncherRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }
}
