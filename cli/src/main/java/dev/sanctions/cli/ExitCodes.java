package dev.sanctions.cli;

/** The exit codes of docs/commands.md. */
public final class ExitCodes {
    public static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;
    /** Published, but the processor rejected some of it ({@code --wait}). */
    static final int REJECTED = 3;

    private ExitCodes() {}
}
