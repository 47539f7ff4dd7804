package dev.sanctions.core;

import dev.sanctions.avro.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * Whether two targets say the same, as the fold judges it (docs/events.md): list fields (aliases, birth dates,
 * nationalities, identifiers, addresses) are compared as unordered collections, so a list edition that only
 * reorders an entry's aliases changes nothing and never names a changed field. A given empty list still differs
 * from an absent one, and a repeated element counts as often as it is repeated.
 */
final class TargetContent {
    private TargetContent() {}

    static boolean same(Target a, Target b) {
        for (Schema.Field field : Target.getClassSchema().getFields()) {
            if (!sameField(a, b, field)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameField(Target a, Target b, Schema.Field field) {
        Object x = a.get(field.pos());
        Object y = b.get(field.pos());
        if (x instanceof List<?> xs && y instanceof List<?> ys) {
            // Equal in order is the common case, and settles it without counting.
            return xs.size() == ys.size() && (xs.equals(ys) || counts(xs).equals(counts(ys)));
        }
        return Objects.equals(x, y);
    }

    private static Map<Object, Integer> counts(List<?> elements) {
        Map<Object, Integer> counts = new HashMap<>();
        elements.forEach(element -> counts.merge(element, 1, Integer::sum));
        return counts;
    }
}
