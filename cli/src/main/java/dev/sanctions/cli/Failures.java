package dev.sanctions.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Turns every failure into one readable line on stderr and the documented exit code: 2 for bad input or
 * usage, 1 for anything else. The line names the whole command ({@code sanctions state get:}), says what failed
 * and, when a library wrapped it, its root cause; never a library's internals. Stack traces only with
 * {@code --verbose}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** Jackson's location suffix, {@code at [Source: REDACTED (`StreamReadFeature...` disabled); line: 1, ...]}. */
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s*at \\[Source: .*?; line: \\d+, column: \\d+]");

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Optional<String> refused = AccessRefusals.describe(exception, commandLine.getCommandName());
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + refused.orElseGet(() -> describe(exception)));
        if (verbose(parseResult)) {
            exception.printStackTrace(err);
        } else if (refused.isEmpty() && !(exception instanceof UserInputException)) {
            // A refusal's line says it all; other failures have details worth a look.
            err.println("(run again with --verbose for the details)");
        }
        err.flush();
        return exception instanceof UserInputException ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the usage.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * The first message worth showing (wrappers such as ExecutionException add nothing for a user), followed by
     * the root cause's when a library wrapped it and the cause says more: "Failed to construct kafka consumer"
     * alone does not say that the JAAS entry is missing. A JSON parser's own message is left out: whoever caught
     * it says what it means.
     */
    static String describe(Throwable exception) {
        Throwable shown = exception;
        while (shown.getCause() != null
                && (shown.getMessage() == null
                        || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = text(shown);
        String described = message.isBlank() ? shown.getClass().getSimpleName() : message;
        Throwable root = rootCause(shown);
        if (root != shown && !(root instanceof JsonProcessingException) && libraryWrapped(shown, root)) {
            String cause = text(root);
            if (!cause.isBlank() && !described.contains(cause)) {
                described = described + ": " + cause;
            }
        }
        return described;
    }

    /**
     * Whether an exception between {@code shown} and {@code root} was made by a library rather than by our code
     * (whose messages already say what went wrong and what to do): "Failed to construct kafka consumer" is a
     * library's wrapper, and only its cause says why.
     */
    private static boolean libraryWrapped(Throwable shown, Throwable root) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable e = shown; e != null && e != root && seen.put(e, Boolean.TRUE) == null; e = e.getCause()) {
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length > 0 && !trace[0].getClassName().startsWith("dev.sanctions.")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable exception) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable root = exception;
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        return root;
    }

    /** The message on one line, without a JSON parser's location details. */
    private static String text(Throwable exception) {
        String message =
                exception instanceof JsonProcessingException json ? json.getOriginalMessage() : exception.getMessage();
        if (message == null) {
            return "";
        }
        return LINE_BREAKS
                .matcher(JACKSON_LOCATION.matcher(message).replaceAll(""))
                .replaceAll(" ")
                .strip();
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
