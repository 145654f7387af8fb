package io.clusterdeploy.standalone.server;

import java.io.PrintWriter;

/** What a started server tells its user. */
public final class Banner {
    private Banner() {
    }

    /**
     * @param showToken print the token itself; the one place it is ever printed
     */
    public static void started(PrintWriter out, StandaloneServer server, boolean showToken) {
        out.println("Cluster Deploy API: " + server.url());
        out.println("Cluster view:       " + server.uiUrl());
        out.println("API token file:     " + server.tokenFile());
        if (showToken) {
            out.println("API token:          " + server.token().value());
            // The link holds a one-time code, and the host name is the server's own secret one (see SignInHost).
            out.println("Sign in to act:     " + server.newSignInLink());
            out.println("                    (once, within " + Sessions.CODE_LIFETIME.toMinutes()
                    + " minutes; or paste the API token on that page)");
        }
        out.println("Mutating calls need 'Authorization: Bearer <token>' and 'Content-Type: application/json'.");
        out.flush();
    }
}
