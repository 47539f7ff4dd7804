package dev.sanctions.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The usage line of {@code --help}, wrapped between words only: picocli's own wrapping may break after a
 * {@code :} or a {@code |}, which splits {@code [--bootstrap-servers=HOST:PORT]} over two lines. Continuation lines
 * are indented under the first option, as picocli does.
 */
final class Synopsis implements CommandLine.IHelpSectionRenderer {

    /** Wide enough for any synopsis on one line. */
    private static final int UNBOUNDED = 100_000;

    /** Makes every command of the tree render its usage line this way. */
    static void install(CommandLine root) {
        var sections = root.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, new Synopsis());
        root.setHelpSectionMap(sections);
    }

    @Override
    public String render(Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        String oneLine;
        usage.width(UNBOUNDED);
        try {
            oneLine = help.synopsis(0).strip();
        } finally {
            usage.width(width);
        }
        return wrap(oneLine, help.commandSpec().qualifiedName(), help.synopsisHeadingLength(), width);
    }

    /**
     * {@code synopsis} (starting with the command's {@code name}) in lines of at most {@code width} columns, the
     * first after a heading of {@code headingLength}; a word longer than a line stands alone on its own.
     */
    static String wrap(String synopsis, String name, int headingLength, int width) {
        List<String> words = Arrays.asList(synopsis.split(" +"));
        int nameWords = name.split(" ").length;
        String indent = " ".repeat(headingLength + name.length() + 1);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(String.join(" ", words.subList(0, nameWords)));
        int used = headingLength + line.length();
        boolean lineHasOption = false;
        for (String word : words.subList(nameWords, words.size())) {
            if (lineHasOption && used + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent).append(word);
                used = line.length();
            } else {
                line.append(' ').append(word);
                used += 1 + word.length();
            }
            lineHasOption = true;
        }
        lines.add(line.toString());
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
