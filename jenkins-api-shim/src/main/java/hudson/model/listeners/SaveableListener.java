package hudson.model.listeners;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.XmlFile;
import hudson.model.Saveable;

/**
 * Shim of {@code hudson.model.listeners.SaveableListener} (Jenkins 2.541.3): the no-op callbacks a listener
 * overrides. The static {@code fireOnChange}/{@code fireOnDeleted} (real: notify every registered listener) and the
 * deprecated {@code register}/{@code unregister} are omitted; {@link #all()} is the empty lookup of the shim.
 */
public abstract class SaveableListener implements ExtensionPoint {

    public void onChange(Saveable o, XmlFile file) {}

    public void onDeleted(Saveable o, XmlFile file) {}

    public static ExtensionList<SaveableListener> all() {
        return ExtensionList.lookup(SaveableListener.class);
    }
}
