package net.sf.json;

import java.io.Serializable;

/**
 * Shim of {@code net.sf.json.JSON} (json-lib 2.4-jenkins-15). Its writer methods ({@code toString(int)},
 * {@code toString(int, int)}, {@code write(Writer)}, {@code writeCanonical(Writer)}) are omitted.
 */
public interface JSON extends Serializable {
    boolean isArray();

    boolean isEmpty();

    int size();
}
