package io.clusterdeploy.engine.api;

import io.clusterdeploy.engine.catalog.Attribution;
import io.clusterdeploy.engine.catalog.OperationType;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.model.Cluster;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.plan.Plan;
import io.clusterdeploy.engine.plan.Planner;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.InstanceLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON API shared by the standalone server and the Jenkins binding. Front ends authenticate,
 * check CSRF and permissions, then hand the request here. Reads are live from the providers.
 */
public final class ClusterDeployApi implements ApiHandler {
    private static final Pattern APP_CLUSTERS = Pattern.compile("/applications/([^/]+)/clusters");
    private static final Pattern APP_LBS = Pattern.compile("/applications/([^/]+)/loadBalancers");
    private static final Pattern APP_SERVER_GROUP =
            Pattern.compile("/applications/([^/]+)/serverGroups/([^/]+)/([^/]+)");
    private static final Pattern INSTANCE =
            Pattern.compile("/applications/([^/]+)/serverGroups/([^/]+)/([^/]+)/instances/([^/]+)");
    private static final Pattern INSTANCE_LOG =
            Pattern.compile("/applications/([^/]+)/serverGroups/([^/]+)/([^/]+)/instances/([^/]+)/log");
    private static final Pattern OPERATION = Pattern.compile("/operations/([^/]+)");
    private static final Pattern CANCEL = Pattern.compile("/operations/([^/]+)/cancel");

    private final Accounts accounts;
    private final OperationRunner runner;
    private final Planner planner;
    private final Json json = new Json();
    /**
     * At most this old, a cached read is made again (in the background) even without a known change: a cloud changed
     * outside Cluster Deploy shows within it (AWS's own cache is read again every 30 s by default).
     */
    static final long READ_MAX_AGE_NANOS = 5_000_000_000L;
    private final ReadCache reads = new ReadCache(READ_MAX_AGE_NANOS, System::nanoTime);
    private final ChangeFeed changes;

    public ClusterDeployApi(Accounts accounts, OperationRunner runner, Planner planner) {
        this.accounts = accounts;
        this.runner = runner;
        this.planner = planner;
        this.changes = new ChangeFeed(runner, accounts);
        changes.subscribe(reads::changed);
    }

    /** The changes of the cluster view: what makes cached reads stale, for front ends that push them to pages. */
    public ChangeFeed changes() {
        return changes;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (MethodNotAllowed e) {
            return error(405, "METHOD_NOT_ALLOWED", null, e.getMessage());
        } catch (ClusterDeployException e) {
            return error(e.kind().httpStatus(), e.kind().name(), e.field(), e.getMessage());
        } catch (RuntimeException e) {
            return error(500, ErrorKind.INTERNAL.name(), null, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private ApiResponse route(ApiRequest r) {
        String path = r.path().length() > 1 && r.path().endsWith("/")
                ? r.path().substring(0, r.path().length() - 1) : r.path();
        boolean get = r.method().equals("GET");
        boolean post = r.method().equals("POST");
        Matcher m;
        if (path.equals("/accounts")) {
            requireMethod(get, r);
            return ok(accounts.list().stream().map(a -> Views.account(a, accounts.isProtected(a.name()))).toList());
        }
        if (path.equals("/applications")) {
            requireMethod(get, r);
            return cached(r, this::applications);
        }
        if ((m = APP_CLUSTERS.matcher(path)).matches()) {
            requireMethod(get, r);
            String app = m.group(1);
            String instances = instancesParam(r);
            return cached(r, () -> clusters(app, r.param("account")), clusters -> {
                boolean summary = instances.equals("summary") || instances.equals("auto")
                        && clusters.stream().mapToLong(c -> c.serverGroups().stream()
                                .mapToLong(sg -> sg.instances().size()).sum()).sum() > AUTO_FULL_INSTANCES;
                return clusters.stream().map(c -> Views.cluster(c, summary)).toList();
            });
        }
        if ((m = APP_LBS.matcher(path)).matches()) {
            requireMethod(get, r);
            String app = m.group(1);
            return cached(r, () -> loadBalancers(app, r.param("account")));
        }
        if ((m = APP_SERVER_GROUP.matcher(path)).matches()) {
            requireMethod(get, r);
            return ok(serverGroup(m.group(1), m.group(2), m.group(3), r.param("account")));
        }
        if ((m = INSTANCE.matcher(path)).matches()) {
            requireMethod(get, r);
            String id = instanceId(m.group(4));
            Found found = serverGroupOf(m.group(1), m.group(2), m.group(3), r.param("account"));
            Instance instance = instanceOf(found, id);
            return ok(Views.instanceDetails(found.group(), instance,
                    found.provider().instanceDetails(found.group().location(), found.group().name(), id)));
        }
        if ((m = INSTANCE_LOG.matcher(path)).matches()) {
            requireMethod(get, r);
            String id = instanceId(m.group(4));
            int lines = logLines(r.param("lines"));
            Found found = serverGroupOf(m.group(1), m.group(2), m.group(3), r.param("account"));
            instanceOf(found, id);
            InstanceLog log = found.provider().instanceLog(found.group().location(), found.group().name(), id, lines)
                    .orElseThrow(() -> ClusterDeployException.notFound("log", "account '" + found.group().account()
                            + "' (" + found.provider().account().provider() + ") keeps no log of its instances"
                            + " that Cluster Deploy can read"));
            return ok(Views.instanceLog(id, log));
        }
        if (path.equals("/loadBalancers")) {
            requireMethod(get, r);
            return cached(r, () -> loadBalancers(null, r.param("account")));
        }
        if (path.equals("/operations")) {
            if (post) {
                Map<String, Object> request = json.readObject(r.body());
                attribute(request, r.actor());
                String challenge = challengedAccount(request);
                String typed = confirmAccount(request);
                if (dryRun(request)) {
                    return ok(planView(planner.plan(request), challenge));
                }
                requireConfirmation(request, challenge, typed);
                String confirmed = planFingerprint(request);
                if (confirmed != null) {
                    Plan fresh = planner.plan(new LinkedHashMap<>(request));
                    if (!fresh.fingerprint().equals(confirmed)) {
                        return changedSincePlan(fresh, challenge);
                    }
                }
                OperationState s = runner.start(request);
                return new ApiResponse(202, json.write(Views.operation(s)));
            }
            requireMethod(get, r);
            String application = r.param("application");
            int limit = limit(r.param("limit"));
            return ok(runner.list(application, limit).stream().map(Views::operation).toList());
        }
        if ((m = CANCEL.matcher(path)).matches()) {
            requireMethod(post, r);
            // Checked before anything is asked of the runner: a refused cancel cancels nothing.
            String reason = Attribution.cancelReason(r.body() == null || r.body().isBlank()
                    ? new LinkedHashMap<>() : json.readObject(r.body()));
            String by = Attribution.cancelledBy(r.actor());
            return new ApiResponse(202, json.write(Views.operation(runner.cancel(m.group(1), by, reason))));
        }
        if ((m = OPERATION.matcher(path)).matches()) {
            requireMethod(get, r);
            String id = m.group(1);
            return ok(Views.operation(runner.get(id).orElseThrow(
                    () -> ClusterDeployException.notFound("id", "unknown operation '" + id + "'"))));
        }
        throw ClusterDeployException.notFound("path", "no such API endpoint: " + path);
    }

    /**
     * {@code "dryRun": true} asks for the plan instead of the run; it is taken out of the request, which is
     * otherwise checked exactly as for a run.
     */
    private static boolean dryRun(Map<String, Object> request) {
        Object v = request.remove("dryRun");
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (Boolean.TRUE.equals(v)) {
            return true;
        }
        throw ClusterDeployException.invalid("dryRun", "dryRun must be true or false");
    }

    /** {@code startedBy} is the front end's to say: a client's own is refused, the actor's is recorded. */
    private static void attribute(Map<String, Object> request, String actor) {
        Attribution.refuseFromClient(request, Attribution.STARTED_BY);
        if (actor != null) {
            request.put(Attribution.STARTED_BY, actor);
        }
    }

    /**
     * {@code "planFingerprint"}: the fingerprint of the plan the caller was shown and confirms. Taken out of the
     * request; the operation starts only when a plan made now from the same request has the same fingerprint.
     */
    private static String planFingerprint(Map<String, Object> request) {
        Object v = request.remove(PLAN_FINGERPRINT);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || !s.matches("[0-9a-f]{16}")) {
            throw ClusterDeployException.invalid(PLAN_FINGERPRINT, PLAN_FINGERPRINT
                    + " must be the fingerprint of a plan (16 hex digits), as a dry run returns it");
        }
        return s;
    }

    static final String PLAN_FINGERPRINT = "planFingerprint";

    static final String CONFIRM_ACCOUNT = "confirmAccount";

    /**
     * The account whose name a run of this request must carry as {@code confirmAccount}: a destructive type on a
     * protected account; null otherwise (also when type or account are not even strings: the parser says why).
     */
    private String challengedAccount(Map<String, Object> request) {
        if (!(request.get("type") instanceof String type) || !(request.get("account") instanceof String account)) {
            return null;
        }
        OperationType t;
        try {
            t = OperationType.parse("type", type);
        } catch (ClusterDeployException e) {
            return null;
        }
        return t.destructive() && accounts.isProtected(account) ? account : null;
    }

    /** {@code confirmAccount}, taken out of the request (the operation does not read it); null when absent. */
    private static String confirmAccount(Map<String, Object> request) {
        Object v = request.remove(CONFIRM_ACCOUNT);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ClusterDeployException.invalid(CONFIRM_ACCOUNT, CONFIRM_ACCOUNT + " must be the account's name, as text");
        }
        return s;
    }

    /**
     * A name typed must be the request's account, whatever the account; on a protected one, a destructive run needs
     * it. The front ends ask for it in their dialogs; this makes a script that skips the dialog ask too.
     */
    private static void requireConfirmation(Map<String, Object> request, String challenge, String typed) {
        Object account = request.get("account");
        if (typed != null && !typed.equals(account)) {
            throw ClusterDeployException.invalid(CONFIRM_ACCOUNT, CONFIRM_ACCOUNT + " '" + typed
                    + "' is not this request's account" + (account instanceof String a ? " '" + a + "'" : "")
                    + "; nothing was done");
        }
        if (challenge != null && typed == null) {
            throw ClusterDeployException.invalid(CONFIRM_ACCOUNT, "account '" + challenge + "' is protected: "
                    + request.get("type") + " runs only with \"" + CONFIRM_ACCOUNT + "\": \"" + challenge
                    + "\" in the request; nothing was done");
        }
    }

    /** The plan, and the account name a run of it must confirm (null when none). */
    private static Map<String, Object> planView(Plan plan, String challenge) {
        Map<String, Object> m = Views.plan(plan);
        m.put(CONFIRM_ACCOUNT, challenge);
        return m;
    }

    /** 409 with the plan as it would run now, for the caller to show and confirm again. */
    private ApiResponse changedSincePlan(Plan fresh, String challenge) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", 409);
        e.put("error", ErrorKind.CONFLICT.name());
        e.put("field", PLAN_FINGERPRINT);
        e.put("message", "the cloud changed since the plan was made; nothing was done. This is the plan as it would"
                + " run now: confirm it with its fingerprint " + fresh.fingerprint());
        e.put("plan", planView(fresh, challenge));
        return new ApiResponse(409, json.write(e));
    }

    /** Without a limit, the newest 100: a listing never grows with the store's history. */
    static final int DEFAULT_LIMIT = 100;

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1) {
            throw ClusterDeployException.invalid("limit", "limit must be a whole number from 1 to 999999");
        }
        return Integer.parseInt(value);
    }

    private static void requireMethod(boolean ok, ApiRequest r) {
        if (!ok) {
            throw new MethodNotAllowed(r.method() + " is not allowed on " + r.path());
        }
    }

    /** 405, raised as an exception to keep routing flat. */
    private static final class MethodNotAllowed extends ClusterDeployException {
        private static final long serialVersionUID = 1L;

        MethodNotAllowed(String message) {
            super(ErrorKind.INVALID_INPUT, "method", message);
        }
    }

    private List<Map<String, Object>> applications() {
        Map<String, TreeSet<String>> byApp = new TreeMap<>();
        for (CloudProvider p : accounts.providers()) {
            for (String app : p.applications()) {
                byApp.computeIfAbsent(app, k -> new TreeSet<>()).add(p.account().name());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byApp.forEach((app, accs) -> out.add(Views.application(app, List.copyOf(accs), clusters(app, null))));
        return out;
    }

    private List<CloudProvider> providers(String account) {
        return account == null ? accounts.providers() : List.of(accounts.get(account));
    }

    /** The application's clusters across accounts, grouped by account, location and cluster name. */
    public List<Cluster> clusters(String application, String account) {
        List<Cluster> out = new ArrayList<>();
        for (CloudProvider p : providers(account)) {
            Map<String, List<ServerGroup>> grouped = p.serverGroups(application).stream()
                    .collect(Collectors.groupingBy(sg -> sg.location() + "/" + sg.cluster(), TreeMap::new,
                            Collectors.toList()));
            grouped.values().forEach(groups -> out.add(new Cluster(groups.get(0).cluster(), p.account().name(),
                    groups.get(0).location(), groups)));
        }
        return out;
    }

    private List<Map<String, Object>> loadBalancers(String application, String account) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CloudProvider p : providers(account)) {
            p.loadBalancers(application).forEach(lb -> out.add(Views.loadBalancer(lb)));
        }
        return out;
    }

    /** A cached read whose model is its JSON shape already (maps of the views). */
    private ApiResponse cached(ApiRequest r, java.util.function.Supplier<?> read) {
        return cached(r, read, view -> view);
    }

    /**
     * A read answered from the cache, or 304 when the client's ETag is the body's. {@code read} is what the clouds
     * say (compared with what the cached body was made from), {@code view} its JSON shape.
     */
    private <S> ApiResponse cached(ApiRequest r, java.util.function.Supplier<S> read,
            java.util.function.Function<? super S, Object> view) {
        String key = r.path() + "?" + new TreeMap<>(r.query());
        ReadCache.Entry e = reads.get(key, read, source -> json.writeCompact(view.apply(source)));
        if (e.etag().equals(r.ifNoneMatch())) {
            return ApiResponse.notModified(e.etag());
        }
        return new ApiResponse(200, e.json(), e.etag());
    }

    /**
     * {@code instances}: {@code full} (the default: every instance as an object), {@code summary} (each group's
     * instances as one health letter each, their details on demand) or {@code auto} (full up to
     * {@value #AUTO_FULL_INSTANCES} instances in the answer, summary beyond: what the cluster view asks for).
     */
    private static String instancesParam(ApiRequest r) {
        String v = r.param("instances");
        if (v == null) {
            return "full";
        }
        if (List.of("full", "summary", "auto").contains(v)) {
            return v;
        }
        throw ClusterDeployException.invalid("instances", "instances must be full, summary or auto, was '" + v + "'");
    }

    static final int AUTO_FULL_INSTANCES = 1000;

    /** One server group with all its instances: the details the summarised clusters leave out. */
    private Map<String, Object> serverGroup(String application, String location, String name, String account) {
        return Views.serverGroup(serverGroupOf(application, location, name, account).group());
    }

    /** A server group and the provider that has it. */
    private record Found(CloudProvider provider, ServerGroup group) {
    }

    private Found serverGroupOf(String application, String location, String name, String account) {
        for (CloudProvider p : providers(account)) {
            var sg = p.serverGroup(location, name);
            if (sg.isPresent() && sg.get().moniker().app().equals(application)) {
                return new Found(p, sg.get());
            }
        }
        if (providers(account).stream().noneMatch(p -> p.applications().contains(application))) {
            throw ClusterDeployException.notFound("application", "application '" + application + "' has no server"
                    + " group or load balancer" + (account == null ? "" : " in account '" + account + "'"));
        }
        throw ClusterDeployException.notFound("name", "server group '" + name + "' not found in location '" + location
                + "' of application '" + application + "'" + (account == null ? "" : " in account '" + account + "'"));
    }

    private static Instance instanceOf(Found found, String id) {
        return found.group().instances().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() ->
                ClusterDeployException.notFound("id", "instance '" + id + "' is not (or no longer) in server group '"
                        + found.group().name() + "'"));
    }

    /**
     * Instance ids as clouds make them (a local {@code app-v001-3}, a pod name, an EC2 {@code i-…}): letters, digits
     * and {@code . _ : -}, at most 253 characters.
     */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,252}");

    private static String instanceId(String id) {
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw ClusterDeployException.invalid("id", "invalid instance id '" + (id.length() > 80
                    ? id.substring(0, 80) + "…" : id) + "': letters, digits and . _ : - only, at most 253 characters");
        }
        return id;
    }

    /** Without {@code lines}, the last {@value #DEFAULT_LOG_LINES}. */
    static final int DEFAULT_LOG_LINES = 200;

    private static int logLines(String value) {
        if (value == null) {
            return DEFAULT_LOG_LINES;
        }
        int lines = value.matches("[0-9]{1,4}") ? Integer.parseInt(value) : 0;
        if (lines < 1 || lines > InstanceLog.MAX_LINES) {
            throw ClusterDeployException.invalid("lines", "lines must be a whole number from 1 to "
                    + InstanceLog.MAX_LINES);
        }
        return lines;
    }

    private ApiResponse ok(Object body) {
        return new ApiResponse(200, json.write(body));
    }

    private ApiResponse error(int status, String kind, String field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("error", kind);
        e.put("field", field);
        e.put("message", message);
        return new ApiResponse(status, json.write(e));
    }
}
