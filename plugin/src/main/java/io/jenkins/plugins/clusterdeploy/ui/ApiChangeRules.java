package io.jenkins.plugins.clusterdeploy.ui;

import io.clusterdeploy.engine.operation.OperationState;
import java.util.Optional;

/** What the API gateway needs to decide who may change what: which accounts need Administer, and the operations. */
public interface ApiChangeRules {

    /** True when changes on {@code account} through the API need Overall/Administer (it runs on the controller). */
    boolean needsAdministrator(String account);

    /** The operation {@code id}, to find the account a cancel acts on; empty when unknown or no engine runs. */
    Optional<OperationState> operation(String id);
}
