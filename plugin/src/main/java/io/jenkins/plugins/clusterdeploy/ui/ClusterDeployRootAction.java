package io.jenkins.plugins.clusterdeploy.ui;

import hudson.Extension;
import hudson.model.RootAction;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.ui.UiAssets;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import io.jenkins.plugins.clusterdeploy.security.ClusterDeployPermissions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code /cluster-deploy/}: the cluster view, and under {@code api/} the same JSON API as the standalone server
 * (see docs/api.md), served by the engine's own handlers. Reading needs ClusterDeploy/Read; starting and
 * cancelling operations ({@code POST}, with Jenkins' crumb) needs ClusterDeploy/Operate, and Overall/Administer on
 * accounts that run processes on the controller (local accounts). Accounts' allowed jobs apply to builds, not to
 * people here.
 */
@Extension
public final class ClusterDeployRootAction implements RootAction, StaplerProxy {
    public static final String URL_NAME = "cluster-deploy";

    private final ApiGateway gateway = new ApiGateway(() -> EngineService.get().api(), new EngineChangeRules());
    private final ViewAssets assets = new ViewAssets(UiAssets.load(ClusterDeployRootAction.class.getClassLoader()));

    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(ClusterDeployPermissions.READ)
                ? "/plugin/cluster-deploy/images/cluster-deploy.svg" : null;
    }

    @Override
    public String getDisplayName() {
        return "Cluster Deploy";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * For the page: whether the viewer may act (ClusterDeploy/Operate). Without it the view draws no action button;
     * the API checks the permission again on every change (and Administer for local accounts).
     */
    public boolean isCanOperate() {
        return Jenkins.get().hasPermission(ClusterDeployPermissions.OPERATE);
    }

    /** Who acts from this page, as the operations' {@code startedBy} (and {@code cancelledBy}) will say. */
    public String getActorName() {
        return "Jenkins user " + Jenkins.getAuthentication2().getName();
    }

    /** Everything below {@code /cluster-deploy/} needs ClusterDeploy/Read. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(ClusterDeployPermissions.READ);
        return this;
    }

    @GET
    @WebMethod(name = "api")
    public HttpResponse doApiRead(StaplerRequest2 req) {
        Jenkins.get().checkPermission(ClusterDeployPermissions.READ);
        return JsonHttpResponse.of(gateway.read(req.getRestOfPath(), query(req.getParameterMap())));
    }

    @POST
    @WebMethod(name = "api")
    public HttpResponse doApiWrite(StaplerRequest2 req) throws IOException {
        Jenkins.get().checkPermission(ClusterDeployPermissions.OPERATE);
        return JsonHttpResponse.of(gateway.write(req.getRestOfPath(), req.getContentType(), req.getReader(),
                Jenkins.get().hasPermission(Jenkins.ADMINISTER), getActorName()));
    }

    /** The running engine's account rules and operations. */
    private static final class EngineChangeRules implements ApiChangeRules {
        @Override
        public boolean needsAdministrator(String account) {
            return EngineService.get().runsOnController(account);
        }

        @Override
        public Optional<OperationState> operation(String id) {
            try {
                return EngineService.get().operations().get(id);
            } catch (ClusterDeployException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The cluster view's and the canary report's scripts and style sheets ({@code /cluster-deploy/assets/cluster-view.js});
     * the canary report itself is the view {@code canary.jelly}, at {@code /cluster-deploy/canary?operation=<id>}.
     */
    @GET
    @WebMethod(name = "assets")
    public HttpResponse doAssets(StaplerRequest2 req) {
        Jenkins.get().checkPermission(ClusterDeployPermissions.READ);
        return assets.find(req.getRestOfPath()).<HttpResponse>map(AssetHttpResponse::new).orElseGet(() ->
                new JsonHttpResponse(404, "{\"status\": 404, \"error\": \"NOT_FOUND\", \"field\": \"path\", "
                        + "\"message\": \"no such file\"}"));
    }

    private static Map<String, List<String>> query(Map<String, String[]> parameters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
