package io.clusterdeploy.engine.model;

import io.clusterdeploy.engine.error.ClusterDeployException;

/** A server group's size bounds. Always non-negative with min ≤ desired ≤ max. */
public record Capacity(int min, int desired, int max) {

    public Capacity {
        if (min < 0) {
            throw ClusterDeployException.invalid("capacity.min", "capacity.min must be ≥ 0, was " + min);
        }
        if (desired < 0) {
            throw ClusterDeployException.invalid("capacity.desired", "capacity.desired must be ≥ 0, was " + desired);
        }
        if (max < 0) {
            throw ClusterDeployException.invalid("capacity.max", "capacity.max must be ≥ 0, was " + max);
        }
        if (min > max) {
            throw ClusterDeployException.invalid("capacity.min",
                    "capacity.min (" + min + ") must not exceed capacity.max (" + max + ")");
        }
        if (desired < min) {
            throw ClusterDeployException.invalid("capacity.desired",
                    "capacity.desired (" + desired + ") must be ≥ capacity.min (" + min + ")");
        }
        if (desired > max) {
            throw ClusterDeployException.invalid("capacity.desired",
                    "capacity.desired (" + desired + ") must be ≤ capacity.max (" + max + ")");
        }
    }

    /** min = desired = max = n. */
    public static Capacity fixed(int n) {
        return new Capacity(n, n, n);
    }

    public static final Capacity ZERO = new Capacity(0, 0, 0);

    public Capacity withDesired(int newDesired) {
        return new Capacity(Math.min(min, newDesired), newDesired, Math.max(max, newDesired));
    }

    public Capacity withMin(int newMin) {
        return new Capacity(newMin, Math.max(desired, newMin), Math.max(max, newMin));
    }

    public boolean isZero() {
        return max == 0;
    }

    /** Instances that must be up for a health gate of {@code percentage}: ceil(desired × percentage / 100), as Spinnaker computes it. */
    public int requiredUp(int percentage) {
        return (int) Math.ceil(desired * percentage / 100.0);
    }

    /** As the persisted context of an operation holds it: a plain map. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("min", min);
        m.put("desired", desired);
        m.put("max", max);
        return m;
    }

    /** Back from {@link #toMap()} (numbers of any JSON type). */
    public static Capacity fromMap(Object o) {
        java.util.Map<?, ?> m = (java.util.Map<?, ?>) o;
        return new Capacity(((Number) m.get("min")).intValue(), ((Number) m.get("desired")).intValue(),
                ((Number) m.get("max")).intValue());
    }
}
