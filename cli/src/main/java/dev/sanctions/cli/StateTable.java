package dev.sanctions.cli;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.subscriber.ChangeFormat;
import java.util.List;

/**
 * The table of {@code state get|list|history --format table}: the processor's JSON answer read back into states
 * and printed as {@code subscribe} prints them ({@link ChangeFormat}), so both views read alike.
 */
final class StateTable {

    private StateTable() {}

    /** {@code get} and {@code list}: one row per state, its status first. */
    static String states(ChangeFormat format, String body) {
        List<DesignationState> states = read(body);
        if (states.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(format.stateHeader().orElseThrow()).append('\n');
        states.forEach(state -> out.append(format.stateLine(state)).append('\n'));
        return out.toString();
    }

    /** {@code history}: one row per version, oldest first, each read as the change from the version before. */
    static String history(ChangeFormat format, String body) {
        List<DesignationState> versions = read(body);
        if (versions.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(format.header().orElseThrow()).append('\n');
        DesignationState before = null;
        for (DesignationState after : versions) {
            out.append(format.historyLine(before, after)).append('\n');
            before = after;
        }
        return out.toString();
    }

    private static List<DesignationState> read(String body) {
        return body.lines().filter(line -> !line.isBlank()).map(StateJson::read).toList();
    }
}
