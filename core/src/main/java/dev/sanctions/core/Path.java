package dev.sanctions.core;

/**
 * Where a value sits in an announcement ({@code actions[2].target.aliases[0]}), in the field names violations
 * use. The rules walk every field of every action the fold applies, so a path becomes text only when a violation
 * names it: building each one eagerly was most of the cost of checking a valid action.
 */
final class Path {
    private final Path parent;
    /** The field's name; null for a step into a list. */
    private final String name;

    private final int index;

    private Path(Path parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** A top-level field of the announcement. */
    static Path of(String name) {
        return new Path(null, name, 0);
    }

    /** A field of the value here. */
    Path dot(String field) {
        return new Path(this, field, 0);
    }

    /** Element {@code i} of the list here. */
    Path at(int i) {
        return new Path(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString();
    }

    private void appendTo(StringBuilder text) {
        if (parent != null) {
            parent.appendTo(text);
        }
        if (name == null) {
            text.append('[').append(index).append(']');
        } else {
            if (parent != null) {
                text.append('.');
            }
            text.append(name);
        }
    }
}
