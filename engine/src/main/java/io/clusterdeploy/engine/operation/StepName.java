package io.clusterdeploy.engine.operation;

/** The one place step names are made: the class name without "Step", in lower camel case, and a parameter. */
public final class StepName {
    private static final String SUFFIX = "Step";

    private StepName() {
    }

    /** {@code WaitForHealthyStep} and {@code 50%} make {@code waitForHealthy(50%)}. */
    public static String of(Class<?> stepClass, String parameter) {
        String simple = stepClass.getSimpleName();
        if (!simple.endsWith(SUFFIX) || simple.length() == SUFFIX.length()) {
            throw new IllegalStateException("step class " + stepClass.getName() + " must be named <name>Step");
        }
        String base = Character.toLowerCase(simple.charAt(0)) + simple.substring(1, simple.length() - SUFFIX.length());
        return parameter == null ? base : base + "(" + parameter + ")";
    }

    /** The parameter of a step that acts at a percentage: {@code 50%}. */
    public static String percent(int percentage) {
        return percentage + "%";
    }
}
