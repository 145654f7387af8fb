package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Browser sessions over real HTTP against the real server: sign-in, the cookie, CSRF, who acts, sign-out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionHttpTest {
    @TempDir
    static Path tmp;

    private StandaloneServer server;
    private final Json json = new Json();
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(tmp.resolve("state"));
    }

    @AfterAll
    void stop() {
        server.close();
        assertThat(answers).as("no answer ever contains the API token").noneMatch(a -> a.contains(server.token().value()));
    }

    private String signInHost() {
        return URI.create(server.newSignInLink()).getHost();
    }

    private String signInAuthority() {
        return signInHost() + ":" + server.port();
    }

    private static String code(String link) {
        return URI.create(link).getFragment();
    }

    private RawHttp.Answer send(String method, String path, String host, String body, String... headers) throws Exception {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        RawHttp.Answer a = RawHttp.send(server.port(), head.toString(), body);
        answers.add(a.text());
        return a;
    }

    private Map<String, Object> body(RawHttp.Answer a) {
        return json.readObject(a.body());
    }

    private static String header(RawHttp.Answer a, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": ([^\r\n]*)").matcher(a.text());
        return m.find() ? m.group(1) : null;
    }

    /** Signs in by a fresh link; the session's cookie pair and its CSRF token. */
    private String[] signIn() throws Exception {
        RawHttp.Answer a = send("POST", "/api/session", signInAuthority(), "{\"code\":\"" + code(server.newSignInLink()) + "\"}");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        String cookie = header(a, "Set-Cookie").split(";")[0];
        return new String[] {cookie, (String) body(a).get("csrfToken")};
    }

    private int lbPort;

    private String deploy(String reason) throws Exception {
        if (lbPort == 0) {
            lbPort = BrowserTests.freePort();
        }
        return "{\"type\":\"upsertLoadBalancer\",\"account\":\"local\",\"name\":\"hello-prod\",\"spec\":{\"port\":" + lbPort + "},"
                + "\"reason\":\"" + reason + "\"}";
    }

    @Test
    void aSignInLinkOpensASessionOnceWithAnHttpOnlyStrictHostOnlyCookie() throws Exception {
        String link = server.newSignInLink();
        assertThat(link).matches("http://s-[a-z2-7]{20}\\.localhost:" + server.port() + "/ui/sign-in#[A-Za-z0-9_-]{43}");
        String host = URI.create(link).getHost();
        String code = code(link);

        // Not on 127.0.0.1 or localhost: that cookie would go to every port there. The code is not used up by it.
        for (String other : List.of("127.0.0.1:" + server.port(), "localhost:" + server.port())) {
            RawHttp.Answer refused = send("POST", "/api/session", other, "{\"code\":\"" + code + "\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(body(refused)).containsEntry("field", "Host");
            assertThat(header(refused, "Set-Cookie")).isNull();
            assertThat(refused.text()).doesNotContain(host);
        }

        RawHttp.Answer a = send("POST", "/api/session", host + ":" + server.port(), "{\"code\":\"" + code + "\"}");
        assertThat(a.status()).isEqualTo(201);
        String setCookie = header(a, "Set-Cookie");
        assertThat(setCookie).startsWith("cd_session=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Strict").doesNotContainIgnoringCase("domain=");
        Map<String, Object> session = body(a);
        assertThat(session).containsEntry("signedIn", true).containsEntry("csrfHeader", "X-Cluster-Deploy-CSRF");
        assertThat((String) session.get("actor")).matches("standalone session [A-Za-z0-9_-]{8}");
        assertThat(setCookie).doesNotContain((String) session.get("csrfToken"));

        // Once only.
        RawHttp.Answer again = send("POST", "/api/session", host + ":" + server.port(), "{\"code\":\"" + code + "\"}");
        assertThat(again.status()).isEqualTo(401);
        assertThat(body(again)).containsEntry("field", "code");
        assertThat(header(again, "Set-Cookie")).isNull();
        RawHttp.Answer made = send("POST", "/api/session", host + ":" + server.port(), "{\"code\":\"madeup\"}");
        assertThat(made.status()).isEqualTo(401);

        // The session reads back its CSRF token; no cookie, no token, and the sign-in host is never told.
        String cookie = setCookie.split(";")[0];
        Map<String, Object> read = body(send("GET", "/api/session", host + ":" + server.port(), null, "Cookie: " + cookie));
        assertThat(read).containsEntry("signedIn", true).containsEntry("csrfToken", session.get("csrfToken"));
        RawHttp.Answer anonymous = send("GET", "/api/session", "127.0.0.1:" + server.port(), null);
        assertThat(body(anonymous)).isEqualTo(Map.of("signedIn", false));
        assertThat(anonymous.text()).doesNotContain(host);
    }

    @Test
    void pastingTheTokenOpensASessionAndAWrongOneDoesNot() throws Exception {
        RawHttp.Answer wrong = send("POST", "/api/session", signInAuthority(), "{\"token\":\"nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(body(wrong)).containsEntry("field", "token");
        RawHttp.Answer both = send("POST", "/api/session", signInAuthority(),
                "{\"token\":\"" + server.token().value() + "\",\"code\":\"x\"}");
        assertThat(both.status()).isEqualTo(400);
        RawHttp.Answer form = send("POST", "/api/session", signInAuthority(), null,
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: 7");
        assertThat(form.status()).isEqualTo(415);
        RawHttp.Answer ok = send("POST", "/api/session", signInAuthority(), "{\"token\":\"" + server.token().value() + "\"}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(header(ok, "Set-Cookie")).startsWith("cd_session=");
        assertThat(ok.body()).doesNotContain(server.token().value());
    }

    @Test
    void aSessionChangesThingsOnlyWithItsCsrfHeaderAndActsUnderItsOwnName() throws Exception {
        String[] s = signIn();
        String cookie = "Cookie: " + s[0];
        String host = signInAuthority();

        RawHttp.Answer noCsrf = send("POST", "/api/operations", host, deploy("no csrf"), cookie);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(body(noCsrf)).containsEntry("field", "X-Cluster-Deploy-CSRF");
        RawHttp.Answer wrongCsrf = send("POST", "/api/operations", host, deploy("wrong"), cookie,
                "X-Cluster-Deploy-CSRF: " + s[1] + "x");
        assertThat(wrongCsrf.status()).isEqualTo(403);
        // The Origin rule still holds for a session: another site's page is refused before anything else.
        RawHttp.Answer foreign = send("POST", "/api/operations", host, deploy("foreign"), cookie,
                "X-Cluster-Deploy-CSRF: " + s[1], "Origin: http://127.0.0.1:" + (server.port() + 1));
        assertThat(body(foreign)).containsEntry("status", 403).containsEntry("field", "Origin");
        // The Host rule takes the one sign-in name, nothing like it.
        for (String other : List.of("s-aaaaaaaaaaaaaaaaaaaa.localhost:" + server.port(), "evil.localhost:" + server.port(),
                signInHost() + ":" + (server.port() + 1), "x." + host)) {
            assertThat(body(send("GET", "/api/accounts", other, null))).as(other).containsEntry("field", "Host");
        }
        assertThat(server.engine().operations().list(null, 100)).isEmpty();

        RawHttp.Answer ok = send("POST", "/api/operations", host, deploy("from the view"), cookie,
                "X-Cluster-Deploy-CSRF: " + s[1], "Origin: http://" + host);
        assertThat(ok.status()).as(ok.text()).isEqualTo(202);
        OperationState op = server.engine().operations().awaitFinished((String) body(ok).get("id"), Duration.ofSeconds(60));
        String actor = (String) body(send("GET", "/api/session", host, null, cookie)).get("actor");
        assertThat(op.request()).containsEntry("startedBy", actor).containsEntry("reason", "from the view");

        // The API token keeps working, under its own name, with or without a cookie beside it.
        RawHttp.Answer bearer = send("POST", "/api/operations", "127.0.0.1:" + server.port(), deploy("script"),
                "Authorization: Bearer " + server.token().value());
        assertThat(bearer.status()).isEqualTo(202);
        OperationState byToken = server.engine().operations().awaitFinished((String) body(bearer).get("id"),
                Duration.ofSeconds(60));
        assertThat(byToken.request()).containsEntry("startedBy", "standalone API token");
        // A wrong token is not rescued by a good session.
        assertThat(send("POST", "/api/operations", host, deploy("x"), cookie, "X-Cluster-Deploy-CSRF: " + s[1],
                "Authorization: Bearer nope").status()).isEqualTo(401);
    }

    /** A red/black deploy of the sample app that waits two minutes before disabling anything: running until cancelled. */
    private String waitingDeploy(String stack) throws Exception {
        Map<String, Object> r = new java.util.HashMap<>(Map.of("type", "deploy", "account", "local",
                "application", "cancelme", "stack", stack, "strategy", "redblack",
                "capacity", Map.of("min", 1, "desired", 1, "max", 1), "delayBeforeDisableSec", 120,
                "spec", io.clusterdeploy.standalone.demo.SampleAppCommand.spec("v1")));
        String id = server.engine().operations().start(r).id();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.engine().operations()
                .get(id).orElseThrow().steps().stream().anyMatch(st -> st.name().equals("waitBeforeDisable")));
        return id;
    }

    @Test
    void aCancelRecordsTheSessionOrTheTokenAsWhoCancelledAndTheReasonGiven() throws Exception {
        String[] s = signIn();
        String cookie = "Cookie: " + s[0];
        String host = signInAuthority();
        String actor = (String) body(send("GET", "/api/session", host, null, cookie)).get("actor");
        String bySession = waitingDeploy("prod");
        String byToken = waitingDeploy("staging");

        // A client does not say who it is, and a reason is bounded: refused, naming the field, nothing cancelled.
        RawHttp.Answer spoofed = send("POST", "/api/operations/" + bySession + "/cancel", host,
                "{\"cancelledBy\":\"someone else\"}", cookie, "X-Cluster-Deploy-CSRF: " + s[1]);
        assertThat(spoofed.status()).isEqualTo(400);
        assertThat(body(spoofed)).containsEntry("field", "cancelledBy");
        RawHttp.Answer tooLong = send("POST", "/api/operations/" + bySession + "/cancel", host,
                "{\"reason\":\"" + "x".repeat(1001) + "\"}", cookie, "X-Cluster-Deploy-CSRF: " + s[1]);
        assertThat(body(tooLong)).containsEntry("status", 400).containsEntry("field", "reason");
        assertThat(send("POST", "/api/operations/" + bySession + "/cancel", host, "{\"reason\":\"no csrf\"}",
                cookie).status()).isEqualTo(403);
        assertThat(server.engine().operations().get(bySession).orElseThrow().cancelRequested()).isFalse();

        RawHttp.Answer cancelled = send("POST", "/api/operations/" + bySession + "/cancel", host,
                "{\"reason\":\"wrong build\"}", cookie, "X-Cluster-Deploy-CSRF: " + s[1], "Origin: http://" + host);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(202);
        assertThat(body(cancelled)).containsEntry("cancelledBy", actor).containsEntry("cancelReason", "wrong build");
        RawHttp.Answer bearer = send("POST", "/api/operations/" + byToken + "/cancel", "127.0.0.1:" + server.port(),
                "{}", "Authorization: Bearer " + server.token().value());
        assertThat(bearer.status()).as(bearer.text()).isEqualTo(202);

        OperationState one = server.engine().operations().awaitFinished(bySession, Duration.ofSeconds(60));
        OperationState two = server.engine().operations().awaitFinished(byToken, Duration.ofSeconds(60));
        assertThat(one.status().name()).isEqualTo("CANCELLED");
        assertThat(one.cancellation().by()).isEqualTo(actor).matches("standalone session \\S{8}");
        assertThat(one.cancellation().reason()).isEqualTo("wrong build");
        assertThat(two.cancellation().by()).isEqualTo("standalone API token");
        assertThat(two.cancellation().reason()).isNull();
        // Both are in the operation's JSON as the API answers it.
        assertThat(body(send("GET", "/api/operations/" + bySession, "127.0.0.1:" + server.port(), null,
                "Authorization: Bearer " + server.token().value()))).containsEntry("cancelledBy", actor)
                .containsEntry("cancelReason", "wrong build");
    }

    @Test
    void signingOutNeedsTheCsrfHeaderAndEndsTheSession() throws Exception {
        String[] s = signIn();
        String cookie = "Cookie: " + s[0];
        String host = signInAuthority();
        RawHttp.Answer forged = send("DELETE", "/api/session", host, null, cookie);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(body(send("GET", "/api/session", host, null, cookie))).containsEntry("signedIn", true);

        RawHttp.Answer out = send("DELETE", "/api/session", host, null, cookie, "X-Cluster-Deploy-CSRF: " + s[1]);
        assertThat(out.status()).isEqualTo(200);
        assertThat(header(out, "Set-Cookie")).startsWith("cd_session=;").contains("Max-Age=0");
        assertThat(body(send("GET", "/api/session", host, null, cookie))).isEqualTo(Map.of("signedIn", false));
        RawHttp.Answer after = send("POST", "/api/operations", host, deploy("after"), cookie, "X-Cluster-Deploy-CSRF: " + s[1]);
        assertThat(after.status()).isEqualTo(401);
        assertThat(body(after)).containsEntry("field", "Cookie");
    }

    @Test
    void onlyTheTokenMakesANewSignInLink() throws Exception {
        String[] s = signIn();
        RawHttp.Answer bySession = send("POST", "/api/session/link", signInAuthority(), "{}", "Cookie: " + s[0],
                "X-Cluster-Deploy-CSRF: " + s[1]);
        assertThat(bySession.status()).isEqualTo(401);
        assertThat(send("POST", "/api/session/link", "127.0.0.1:" + server.port(), "{}").status()).isEqualTo(401);
        RawHttp.Answer made = send("POST", "/api/session/link", "127.0.0.1:" + server.port(), "{}",
                "Authorization: Bearer " + server.token().value());
        assertThat(made.status()).isEqualTo(201);
        String link = (String) body(made).get("url");
        assertThat(URI.create(link).getHost()).isEqualTo(signInHost());
        assertThat(send("POST", "/api/session", signInAuthority(), "{\"code\":\"" + code(link) + "\"}").status())
                .isEqualTo(201);
    }
}
