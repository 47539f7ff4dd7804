package dev.sanctions.producer;

/** Field paths as the the documented problems name them: {@code actions[2].target.name}; the announcement itself is "". */
final class FieldPaths {

    private FieldPaths() {}

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The enclosing value's path, or "" for a top-level field. */
    static String parent(String path) {
        int cut = path.endsWith("]") ? path.lastIndexOf('[') : path.lastIndexOf('.');
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
