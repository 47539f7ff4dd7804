package dev.sanctions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sanctions.subscriber.ChangeFormat;
import dev.sanctions.subscriber.Layout;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sanctions state get|history|list} (docs/commands.md): asks the processor's HTTP API (docs/http-api.md),
 * which answers from its state stores, forwarding to the instance that holds a key.
 *
 * <p>Exit codes: 0 answered; 1 when there is no such designation (or no version as of the instant), when the
 * processor cannot be reached or cannot answer yet; 2 for bad input. "No such designation" is 1, not 2:
 * the key may be well formed and simply not (yet) listed, which is an answer about the data, not a usage error.
 */
@Command(
        name = "state",
        mixinStandardHelpOptions = true,
        description = "Designation states from the running processor's HTTP API: one now or as of an instant, "
                + "its history, or the list.",
        subcommands = {StateCommand.Get.class, StateCommand.History.class, StateCommand.ListStates.class})
final class StateCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: get, history or list.");
    }

    /** {@code --http-url}, for every command that asks the processor. */
    static final class HttpOptions {
        @Option(
                names = "--http-url",
                paramLabel = "URL",
                defaultValue = "${env:SANCTIONS_HTTP_URL:-http://localhost:8080}",
                description = "The processor's HTTP API (env SANCTIONS_HTTP_URL; default: ${DEFAULT-VALUE}).")
        String httpUrl;

        URI base() {
            String text = httpUrl.endsWith("/") ? httpUrl.substring(0, httpUrl.length() - 1) : httpUrl;
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, as for any other malformed URL
            }
            throw new UserInputException(
                    "--http-url: '" + httpUrl + "' is not an HTTP URL; write e.g. " + "http://localhost:8080");
        }
    }

    /**
     * {@code --format} and {@code --wide} of every {@code state} command: JSON by default (the documented form
     * scripts read), or the table {@code subscribe} prints.
     */
    static final class OutputOptions {
        @Option(
                names = "--format",
                paramLabel = "json|table",
                defaultValue = "json",
                description = "json (the documented JSON form, docs/events.md) or table (for people)."
                        + " Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--wide", description = Layouts.WIDE)
        boolean wide;

        /** How to print the processor's JSON answer: as it came, or through {@code table}. */
        UnaryOperator<String> rendering(BiFunction<ChangeFormat, String, String> table) {
            Layout layout = Layouts.of(format, wide);
            if (layout.json()) {
                return UnaryOperator.identity();
            }
            ChangeFormat changeFormat = new ChangeFormat(layout);
            return body -> table.apply(changeFormat, body);
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = {
                "One designation's state as JSON (or a table), now or as it was at an instant (by publishedAt).",
                "Exit 1 if there is no such designation, or none published by that instant."
            })
    static final class Get implements Callable<Integer>, ConnectionOptions.NotUsed {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        HttpOptions http;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "KEY", description = "AUTHORITY/TARGET_ID, e.g. JP-MOFA/RU-P-0425.")
        String key;

        @Option(
                names = "--as-of",
                paramLabel = "INSTANT",
                converter = Instants.class,
                description = "e.g. 2022-04-08T10:00:00+09:00, or a date such as 2022-04-08 (meaning its end, UTC).")
        Instant asOf;

        @Override
        public Integer call() {
            UnaryOperator<String> rendering = output.rendering(StateTable::states);
            String path = keyPath(key) + (asOf == null ? "" : "?asOf=" + asOf);
            return new ProcessorApi(http.base(), spec, connection.httpAuthorization()).print(path, false, rendering);
        }
    }

    @Command(
            name = "history",
            mixinStandardHelpOptions = true,
            description = {
                "Every version of one designation, oldest first, as JSON lines (or a table of what each changed).",
                "Exit 1 if there is no such designation."
            })
    static final class History implements Callable<Integer>, ConnectionOptions.NotUsed {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        HttpOptions http;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "KEY", description = "AUTHORITY/TARGET_ID, e.g. JP-MOFA/RU-P-0425.")
        String key;

        @Override
        public Integer call() {
            UnaryOperator<String> rendering = output.rendering(StateTable::history);
            return new ProcessorApi(http.base(), spec, connection.httpAuthorization())
                    .print(keyPath(key) + "/history", true, rendering);
        }
    }

    /** The states a list filter can ask for. */
    enum Status {
        ACTIVE,
        DELISTED
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Current states of every designation, or of those matching the filters, sorted by key, "
                    + "as JSON lines (or a table).")
    static final class ListStates implements Callable<Integer>, ConnectionOptions.NotUsed {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        HttpOptions http;

        @Mixin
        OutputOptions output;

        @Option(
                names = "--jurisdiction",
                paramLabel = "J",
                description = "Only designations of this jurisdiction: JP, US, GB, EU, UN ...")
        String jurisdiction;

        @Option(names = "--status", paramLabel = "STATUS", description = "ACTIVE or DELISTED.")
        Status status;

        @Override
        public Integer call() {
            UnaryOperator<String> rendering = output.rendering(StateTable::states);
            List<String> filters = new ArrayList<>();
            if (jurisdiction != null) {
                filters.add("jurisdiction=" + URLEncoder.encode(jurisdiction, StandardCharsets.UTF_8));
            }
            if (status != null) {
                filters.add("status=" + status);
            }
            String path = "/designations" + (filters.isEmpty() ? "" : "?" + String.join("&", filters));
            return new ProcessorApi(http.base(), spec, connection.httpAuthorization()).print(path, true, rendering);
        }
    }

    private static String keyPath(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1 || key.indexOf('/', slash + 1) >= 0) {
            throw new UserInputException("KEY '" + key + "' is not a designation key: write AUTHORITY/TARGET_ID, "
                    + "e.g. JP-MOFA/RU-P-0425");
        }
        return "/designations/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** One question to the processor, its answer printed, and the exit code it means. */
    private static final class ProcessorApi {
        private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
        private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
        /** A processor that is starting or rebalancing answers 503 for a few seconds: wait that out. */
        private static final Duration WAIT_WHILE_UNAVAILABLE = Duration.ofSeconds(15);

        private static final ObjectMapper JSON = new ObjectMapper();

        private final URI base;
        private final CommandLine commandLine;
        private final String name;
        /** The {@code Authorization} header a secured processor asks for; empty when none is configured. */
        private final Optional<String> authorization;

        ProcessorApi(URI base, CommandLine.Model.CommandSpec spec, Optional<String> authorization) {
            this.base = base;
            this.commandLine = spec.commandLine();
            this.name = spec.qualifiedName();
            this.authorization = authorization;
        }

        /**
         * Asks, and prints the answer through {@code rendering}: as it came (JSON), or as a table.
         *
         * @param lines JSON lines (a list) rather than one object
         */
        int print(String pathAndQuery, boolean lines, UnaryOperator<String> rendering) {
            URI uri = URI.create(base + pathAndQuery);
            PrintWriter out = commandLine.getOut();
            PrintWriter err = commandLine.getErr();
            HttpResponse<String> response;
            try {
                response = send(uri, lines);
            } catch (IOException e) {
                err.println(name + ": cannot reach the processor's HTTP API at " + base + " (" + reason(e)
                        + "): is `sanctions processor` or `sanctions dev` running? Give its address with --http-url"
                        + " or SANCTIONS_HTTP_URL");
                err.flush();
                return ExitCodes.FAILURE;
            }
            int status = response.statusCode();
            if (status == 200) {
                String body;
                try {
                    body = rendering.apply(response.body());
                } catch (IllegalArgumentException e) {
                    err.println(name + ": the processor at " + base + " answered with a state this version cannot"
                            + " read (" + e.getMessage() + "); try --format json");
                    err.flush();
                    return ExitCodes.FAILURE;
                }
                out.print(lines || body.endsWith("\n") ? body : body + "\n");
                out.flush();
                if (lines && response.body().isEmpty()) {
                    err.println("(no designations match)");
                    err.flush();
                }
                return ExitCodes.OK;
            }
            String message = errorMessage(response);
            if (status == 400) {
                throw new UserInputException(message);
            }
            if (status == 401) {
                message = "the processor's HTTP API at " + base + " did not accept the login: give the credentials"
                        + " you were handed with --command-config FILE (basic.auth.user.info)";
            } else if (status == 403) {
                message = "not authorized to read designations from " + base + ": ask the operator to grant it";
            } else if (status == 503) {
                message = "the processor at " + base + " cannot answer yet: " + message;
            } else if (status != 404) {
                message = "unexpected answer " + status + " from " + uri + ": " + message;
            }
            err.println(name + ": " + message);
            err.flush();
            return ExitCodes.FAILURE;
        }

        private HttpResponse<String> send(URI uri, boolean lines) throws IOException {
            HttpClient client =
                    HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", lines ? "application/x-ndjson" : "application/json")
                    .GET();
            authorization.ifPresent(value -> builder.header("Authorization", value));
            HttpRequest request = builder.build();
            long deadline = System.nanoTime() + WAIT_WHILE_UNAVAILABLE.toNanos();
            try {
                while (true) {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                        return response;
                    }
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private static String reason(IOException e) {
            if (e instanceof HttpConnectTimeoutException) {
                return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
            }
            if (e instanceof HttpTimeoutException) {
                return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            }
            if (e instanceof ConnectException) {
                return "connection refused";
            }
            return Failures.describe(e);
        }

        /** The {@code error} of the processor's JSON answer, or the body as it is. */
        private static String errorMessage(HttpResponse<String> response) {
            try {
                JsonNode error = JSON.readTree(response.body()).get("error");
                if (error != null && error.isTextual()) {
                    return error.asText();
                }
            } catch (IOException notJson) {
                // shown as it came
            }
            return response.body().isBlank() ? "(no message)" : response.body().strip();
        }
    }
}
