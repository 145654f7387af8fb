package io.clusterdeploy.engine.provider;

import java.util.Objects;

/**
 * The end of what an instance printed (its stdout and stderr), whole lines, at most {@link #MAX_BYTES} of it.
 *
 * @param text      the lines, decoded as UTF-8 (malformed bytes become U+FFFD), each ending with its line break
 * @param lines     how many lines {@code text} holds
 * @param truncated whether earlier output was left out (more lines than asked, or more than {@link #MAX_BYTES})
 * @param size      the whole log's size in bytes
 */
public record InstanceLog(String text, int lines, boolean truncated, long size) {
    /** The most lines one read returns. */
    public static final int MAX_LINES = 1000;
    /** The most bytes one read returns, whatever the number of lines: a page never fetches a whole log. */
    public static final int MAX_BYTES = 64 * 1024;

    public InstanceLog {
        Objects.requireNonNull(text, "text");
        if (lines < 0 || size < 0) {
            throw new IllegalArgumentException("lines and size must not be negative");
        }
    }
}
