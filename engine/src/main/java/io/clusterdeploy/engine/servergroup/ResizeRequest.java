package io.clusterdeploy.engine.servergroup;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.Capacity;
import java.util.Locale;

/**
 * Spinnaker's resize: an exact capacity ({@code action: scale_exact}, the default when
 * {@code capacity} is given), or scale up/down by {@code scaleNum} instances or
 * {@code scalePct} percent of the current desired size. Relative resizes keep min and max and
 * refuse a result outside them, rather than silently moving the bounds.
 */
record ResizeRequest(String action, Capacity exact, Integer scaleNum, Integer scalePct) {

    static ResizeRequest parse(Fields f) {
        String action = f.optionalString("action", f.has("capacity") ? "scale_exact" : null);
        if (action == null) {
            throw ClusterDeployException.invalid(f.path("capacity"),
                    "capacity is required (or action scale_up/scale_down with scaleNum or scalePct)");
        }
        action = action.toLowerCase(Locale.ROOT);
        switch (action) {
            case "scale_exact" -> {
                return new ResizeRequest(action, f.capacity("capacity"), null, null);
            }
            case "scale_up", "scale_down" -> {
                boolean num = f.has("scaleNum");
                boolean pct = f.has("scalePct");
                if (num == pct) {
                    throw ClusterDeployException.invalid(f.path("scaleNum"),
                            action + " needs exactly one of scaleNum and scalePct");
                }
                return num ? new ResizeRequest(action, null, f.optionalInt("scaleNum", 0, 1, 100_000), null)
                        : new ResizeRequest(action, null, null, f.optionalInt("scalePct", 0, 1, 1000));
            }
            default -> throw ClusterDeployException.invalid(f.path("action"),
                    "action must be scale_exact, scale_up or scale_down, was '" + action + "'");
        }
    }

    /** The capacity to set, given the current one; throws when the result leaves min..max. */
    Capacity target(Capacity current) {
        if (exact != null) {
            return exact;
        }
        int delta = scaleNum != null ? scaleNum : (int) Math.ceil(current.desired() * scalePct / 100.0);
        int desired = action.equals("scale_up") ? current.desired() + delta : current.desired() - delta;
        String field = scaleNum != null ? "scaleNum" : "scalePct";
        if (desired < current.min() || desired > current.max()) {
            throw ClusterDeployException.invalid(field, action + " by " + (scaleNum != null ? scaleNum : scalePct + "%")
                    + " would make desired " + desired + ", outside min " + current.min() + " and max " + current.max());
        }
        return new Capacity(current.min(), desired, current.max());
    }
}
