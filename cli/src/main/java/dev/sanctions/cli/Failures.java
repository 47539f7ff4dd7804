package dev.sanctions.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Turns every failure into one readable line on stderr and the documented exit code: 2 for bad input or
 * usage, 1 for anything else. Stack traces only with {@code --verbose}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Optional<String> refused = AccessRefusals.describe(exception, commandLine.getCommandName());
        err.println("sanctions " + commandLine.getCommandName() + ": " + refused.orElseGet(() -> describe(exception)));
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
        err.println("sanctions: " + exception.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the usage.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** The deepest message worth showing: wrappers such as ExecutionException add nothing for a user. */
    static String describe(Throwable exception) {
        Throwable shown = exception;
        while (shown.getCause() != null
                && (shown.getMessage() == null
                        || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
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
