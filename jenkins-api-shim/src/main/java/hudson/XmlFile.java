package hudson;

import java.io.File;

/**
 * Shim of {@code hudson.XmlFile} (Jenkins 2.541.3): the type and its {@code (File)} constructor, named by
 * {@link hudson.model.listeners.SaveableListener}. The XStream constructors and every read/write member are omitted.
 */
public final class XmlFile {
    private final File file;

    public XmlFile(File file) {
        this.file = file;
    }

    public File getFile() {
        return file;
    }
}
