package hudson.search;

import hudson.model.ModelObject;

/**
 * Shim of {@code hudson.search.SearchableModelObject} (Jenkins 2.541.3).
 * The real one also extends {@code SearchItem} and declares {@code getSearch()}; both are omitted (search API unused).
 */
public interface SearchableModelObject extends ModelObject {
}
