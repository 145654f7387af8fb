package net.sf.json;

/** Shim of {@code net.sf.json.JSONException} (json-lib 2.4-jenkins-15). */
public class JSONException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JSONException() {
    }

    public JSONException(String msg) {
        super(msg);
    }

    public JSONException(String msg, Throwable cause) {
        super(msg, cause);
    }

    public JSONException(Throwable cause) {
        super(cause);
    }
}
