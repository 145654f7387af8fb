package hudson.model;

import hudson.search.SearchableModelObject;

/** Shim of {@code hudson.model.AbstractModelObject} (Jenkins 2.541.3); its protected sendError helpers are omitted. */
public abstract class AbstractModelObject implements SearchableModelObject {
}
