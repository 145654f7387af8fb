package hudson.model;

/** Shim of {@code hudson.model.AbstractDescribableImpl} (Jenkins 2.541.3; deprecated since 2.505). */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
