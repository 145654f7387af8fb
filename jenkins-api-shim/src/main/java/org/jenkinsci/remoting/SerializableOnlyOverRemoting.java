package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Shim of {@code org.jenkinsci.remoting.SerializableOnlyOverRemoting} (remoting 3352.v17a_fb_4b_2773f).
 * The real default method {@code getChannelForSerialization()} (restricted, needs remoting's Channel) is omitted.
 */
public interface SerializableOnlyOverRemoting extends Serializable {
}
