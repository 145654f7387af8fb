package io.clusterdeploy.engine;

import io.clusterdeploy.engine.api.ApiHandler;
import io.clusterdeploy.engine.api.ClusterDeployApi;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationStore;
import io.clusterdeploy.engine.operation.Operations;
import io.clusterdeploy.engine.provider.Accounts;

/**
 * The engine assembled: accounts, the operation runner and the JSON API over them. Front ends
 * (standalone server, Jenkins) build one and close it on shutdown.
 */
public final class Engine implements AutoCloseable {
    private final Accounts accounts;
    private final OperationRunner runner;
    private final ClusterDeployApi api;

    public Engine(Accounts accounts, OperationStore store, OperationRunner.Options options) {
        this.accounts = accounts;
        this.runner = new OperationRunner(accounts, store, new Operations(accounts), options);
        this.api = new ClusterDeployApi(accounts, runner);
    }

    public Accounts accounts() {
        return accounts;
    }

    public OperationRunner operations() {
        return runner;
    }

    public ApiHandler api() {
        return api;
    }

    /** Stops operation threads (unfinished operations stay resumable), then the providers. */
    @Override
    public void close() {
        runner.close();
        accounts.close();
    }
}
