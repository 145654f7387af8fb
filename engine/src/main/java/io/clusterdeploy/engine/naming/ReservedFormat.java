package io.clusterdeploy.engine.naming;

import java.util.regex.Pattern;

/**
 * Frigga's reserved forms ({@code NameValidation.usesReservedFormat}): text in an application, stack or
 * detail that a name parser would read as something else, so a name built from it would not parse back.
 */
final class ReservedFormat {

    // Ends in "v" and 3 to 6 digits, with or without a hyphen before it ("v123", "abcv123", "x-v000001"):
    // frigga matches ".*?v[0-9]{3,6}" on the whole part.
    private static final Pattern PUSH_VERSION_AT_END = Pattern.compile(".*v[0-9]{3,6}");

    // A labeled variable (label letter, separator "0", at least one letter or digit) at the start of the
    // part or right after a hyphen: "c0us", "x-d0prod". Labels are lower case only, as in frigga.
    private static final Pattern LABELED_VARIABLE = Pattern.compile("(.*-)?[cdhpruwz]0[a-zA-Z0-9]+.*");

    private ReservedFormat() {
    }

    /** Why {@code part} uses a reserved form, or null when it does not. */
    static String reason(String part) {
        if (PUSH_VERSION_AT_END.matcher(part).matches()) {
            return "ends in a push version like v123, a form reserved for the server group sequence";
        }
        if (LABELED_VARIABLE.matcher(part).matches()) {
            return "contains a labeled variable (c0…, d0…, h0…, p0…, r0…, u0…, w0…, z0…), a reserved form";
        }
        return null;
    }
}
