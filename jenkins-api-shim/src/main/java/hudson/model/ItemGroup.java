package hudson.model;

import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;

/** Shim of {@code hudson.model.ItemGroup} (Jenkins 2.541.3): the type only (its members are unused). */
public interface ItemGroup<T extends Item> extends FullyNamed, FullyNamedModelObject, PersistenceRoot {
}
