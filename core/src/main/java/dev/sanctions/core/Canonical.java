package dev.sanctions.core;

import dev.sanctions.avro.Measure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The canonical (sorted, distinct) form of the sets in a state, so that equal states are equal Avro objects and
 * serialize identically. Measures sort by the type's symbol name, then detail with null first; programs lexically.
 * Symbol names rather than enum ordinals: a name's order cannot change when a later schema adds a symbol.
 * "Lexically" is by Unicode code point (the order of UTF-8 bytes), not Java's UTF-16 order, which puts characters
 * beyond U+FFFF before U+E000..U+FFFF: a consumer in any language sorts the same way.
 */
final class Canonical {
    /** Strings by Unicode code point. */
    static final Comparator<String> TEXT_ORDER = Canonical::compareCodePoints;

    static final Comparator<Measure> MEASURE_ORDER = Comparator.comparing(
                    (Measure m) -> m.getType().name())
            .thenComparing(Measure::getDetail, Comparator.nullsFirst(TEXT_ORDER));

    private Canonical() {}

    /** Sorted, distinct copies of the measures of all the given lists (null lists count as empty). */
    @SafeVarargs
    static List<Measure> measures(List<Measure>... lists) {
        if (lists.length == 1 && isCanonical(lists[0], MEASURE_ORDER)) {
            // Already sorted and distinct, as every stored state's are: copying is enough.
            List<Measure> copy = new ArrayList<>(lists[0].size());
            lists[0].forEach(m -> copy.add(new Measure(m.getType(), m.getDetail())));
            return copy;
        }
        TreeSet<Measure> set = new TreeSet<>(MEASURE_ORDER);
        for (List<Measure> list : lists) {
            if (list != null) {
                for (Measure m : list) {
                    set.add(new Measure(m.getType(), m.getDetail()));
                }
            }
        }
        return new ArrayList<>(set);
    }

    /** Sorted, distinct programs of all the given lists (null lists count as empty). */
    @SafeVarargs
    static List<String> programs(List<String>... lists) {
        if (lists.length == 1 && isCanonical(lists[0], TEXT_ORDER)) {
            return new ArrayList<>(lists[0]);
        }
        TreeSet<String> set = new TreeSet<>(TEXT_ORDER);
        for (List<String> list : lists) {
            if (list != null) {
                list.forEach(p -> set.add(Objects.requireNonNull(p, "program")));
            }
        }
        return new ArrayList<>(set);
    }

    /**
     * Whether the list is given, without nulls (nor measures without a type), and strictly ascending: then the sorted
     * set of its elements is the list itself. Anything else takes the set's way, which also throws as before.
     */
    private static <T> boolean isCanonical(List<T> list, Comparator<? super T> order) {
        if (list == null) {
            return false;
        }
        T previous = null;
        for (T element : list) {
            if (element == null || (element instanceof Measure m && m.getType() == null)) {
                return false;
            }
            if (previous != null && order.compare(previous, element) >= 0) {
                return false;
            }
            previous = element;
        }
        return true;
    }

    private static int compareCodePoints(String a, String b) {
        // Code units first: where the first difference is between two characters that are not surrogates, code point
        // order is their order (the units before it are the same code points in both). Sorting every state by key
        // spent a third of its time in the code point walk below.
        int common = Math.min(a.length(), b.length());
        for (int k = 0; k < common; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
                    return Character.compare(x, y);
                }
                break;
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
