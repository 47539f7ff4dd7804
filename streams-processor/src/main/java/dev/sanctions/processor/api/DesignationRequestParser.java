package dev.sanctions.processor.api;

import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.core.InstantText;
import dev.sanctions.http.PercentEncoding;
import dev.sanctions.http.RequestRefused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a {@link DesignationRequest} from a request's raw path and query.
 *
 * <p>Paths: {@code /designations}, {@code /designations/{key}} and {@code /designations/{key}/history},
 * the key URL-encoded ({@code JP-MOFA%2FRU-P-0425}) or with its one slash as is ({@code JP-MOFA/RU-P-0425}).
 * An unknown query parameter is refused rather than ignored, so that a typo such as {@code as_of} cannot
 * silently answer with the current state.
 */
final class DesignationRequestParser {

    static final String PATH = "/designations";
    private static final String HISTORY = "history";
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");
    /** The largest page: a page is held in memory, so its size bounds what one request costs. */
    static final int MAX_LIMIT = 1_000;

    private DesignationRequestParser() {}

    /**
     * @param rawPath the path as sent, percent escapes intact ({@code URI.getRawPath()})
     * @param rawQuery the query as sent ({@code URI.getRawQuery()}), or null
     * @throws RequestRefused when the path or a parameter is not understood
     */
    static DesignationRequest parse(String rawPath, String rawQuery) {
        Map<String, String> query = parameters(rawQuery);
        if (rawPath.equals(PATH) || rawPath.equals(PATH + "/")) {
            allowOnly(query, Set.of("jurisdiction", "status", "limit", "after"), "GET /designations");
            return new DesignationRequest.Listing(
                    jurisdiction(query.get("jurisdiction")),
                    status(query.get("status")),
                    limit(query.get("limit")),
                    query.get("after"));
        }
        if (!rawPath.startsWith(PATH + "/")) {
            throw new RequestRefused(404, "not found: " + rawPath);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(PATH.length() + 1).split("/", -1)) {
            segments.add(PercentEncoding.decode(segment));
        }
        int last = segments.size() - 1;
        String allButLast = String.join("/", segments.subList(0, last));
        // "JP-MOFA/history" is the key of a target named "history", not the history of "JP-MOFA".
        if (last > 0 && segments.get(last).equals(HISTORY) && isKey(allButLast)) {
            allowOnly(query, Set.of(), "GET /designations/{key}/history");
            return new DesignationRequest.History(allButLast);
        }
        String key = String.join("/", segments);
        if (!isKey(key)) {
            throw new RequestRefused(
                    400,
                    "'" + key + "' is not a designation key: write AUTHORITY/TARGET_ID, "
                            + "URL-encoded, e.g. /designations/JP-MOFA%2FRU-P-0425");
        }
        allowOnly(query, Set.of("asOf"), "GET /designations/{key}");
        return new DesignationRequest.Current(key, instant(query.get("asOf")));
    }

    /** Exactly one slash with text on both sides; the authority and id rules are the producer's to enforce. */
    private static boolean isKey(String text) {
        int slash = text.indexOf('/');
        return slash > 0 && slash < text.length() - 1 && text.indexOf('/', slash + 1) < 0;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return InstantText.asOf(text);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(400, "asOf: " + e.getMessage());
        }
    }

    private static Integer limit(String text) {
        if (text == null) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of range is
        }
        throw new RequestRefused(400, "limit: '" + text + "' is not a page size; write 1 to " + MAX_LIMIT);
    }

    private static String jurisdiction(String text) {
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (!JURISDICTION.matcher(code).matches()) {
            throw new RequestRefused(
                    400,
                    "jurisdiction: '" + text + "' is not a jurisdiction; write an ISO 3166-1"
                            + " alpha-2 code such as JP or US, or EU or UN");
        }
        return code;
    }

    private static DesignationStatus status(String text) {
        if (text == null) {
            return null;
        }
        String name = text.toUpperCase(Locale.ROOT);
        if (name.equals(DesignationStatus.ACTIVE.name()) || name.equals(DesignationStatus.DELISTED.name())) {
            return DesignationStatus.valueOf(name);
        }
        throw new RequestRefused(400, "status: '" + text + "' is not a status; write ACTIVE or DELISTED");
    }

    private static void allowOnly(Map<String, String> query, Set<String> allowed, String endpoint) {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw new RequestRefused(
                        400,
                        "unknown parameter '" + name + "' for " + endpoint
                                + (allowed.isEmpty() ? ", which takes none" : "; it takes " + new TreeSet<>(allowed)));
            }
        }
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentEncoding.decode(pair.substring(equals + 1));
            if (value.isBlank()) {
                throw new RequestRefused(400, "parameter '" + name + "' needs a value");
            }
            if (parameters.put(name, value) != null) {
                throw new RequestRefused(400, "parameter '" + name + "' is given twice; give it once");
            }
        }
        return parameters;
    }
}
