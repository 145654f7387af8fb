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
        }
        out.println("Mutating calls need 'Authorization: Bearer <token>' and 'Content-Type: application/json'.");
        out.flush();
    }
}
