package jenkins;

/** Shim of {@code jenkins.YesNoMaybe} (Jenkins 2.541.3); constants only. */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
