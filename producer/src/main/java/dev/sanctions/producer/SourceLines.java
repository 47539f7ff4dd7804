package dev.sanctions.producer;

import java.util.HashMap;
import java.util.Map;

/** Where each value of one announcement starts in its file, by field path. */
final class SourceLines {

    private final int start;
    private final Map<String, Integer> lines = new HashMap<>();

    SourceLines(int start) {
        this.start = start;
    }

    void record(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line of the value at this path or, for an absent value, of the nearest enclosing value. */
    int lineOf(String path) {
        for (String p = path; !p.isEmpty(); p = FieldPaths.parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return start;
    }

    int start() {
        return start;
    }
}
