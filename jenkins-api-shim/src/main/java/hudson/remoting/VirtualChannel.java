package hudson.remoting;

/**
 * Shim of {@code hudson.remoting.VirtualChannel} (remoting 3352.v17a_fb_4b_2773f).
 * Only the type: the binding calls none of its methods (they need remoting's Callable and Future).
 */
public interface VirtualChannel {
}
