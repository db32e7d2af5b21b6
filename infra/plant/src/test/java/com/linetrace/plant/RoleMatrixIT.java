package com.linetrace.plant;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.testing.ApiClient;
import com.linetrace.testing.IntegrationTest;
import com.linetrace.web.RoleGate;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.server.auth.NavigationContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The role matrix of {@code docs/role-matrix.md} against the plant as it runs: every API endpoint of every service
 * (as the plant's handler mapping lists them) is called by every role, by registered equipment and by no one, with
 * real requests (path variables filled with dummies, {@code {}} for a body), and every UI view is checked by Vaadin's
 * navigation access control for every role and fetched without a session. A caller is refused when the answer is 403
 * {@code forbidden} (401 for no sign-in), and passes otherwise (whatever the endpoint then says of the dummy request,
 * never a 5xx). The test fails when an endpoint or view is missing from the table, a row names one the plant does not
 * have, a cell differs, or an endpoint names no roles. What it saw is written to {@code target/role-matrix.md} (the
 * document with its tables as observed), so a deliberate change is reviewed with a diff and copied over.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");
    private static final Map<String, String> PEOPLE = Map.of(
            "OPERATOR", "operator",
            "SUPERVISOR", "supervisor",
            "MANAGER", "manager",
            "QUALITY", "quality",
            "ENGINEER", "engineer",
            "ADMIN", "admin",
            "EQUIPMENT", "FIX-FW-1");

    @LocalServerPort
    int port;

    /** The services' endpoints, and those of the actuator and OpenAPI, which the API's chain guards the same way. */
    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    @Autowired
    NavigationAccessControl viewAccess;

    @Autowired
    ServletContext servletContext;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new HashMap<>();
    private final RoleMatrix documented = RoleMatrix.read(RoleMatrix.file());
    private final Map<String, Map<String, Boolean>> observedEndpoints = new LinkedHashMap<>();
    private final Map<String, Map<String, Boolean>> observedViews = new LinkedHashMap<>();

    @BeforeAll
    void signIn() {
        PEOPLE.forEach((role, name) -> {
            var signIn = ApiClient.at(port)
                    .post("/api/tokens", "{\"username\":\"" + name + "\",\"password\":\"" + name + "\"}");
            assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
            tokens.put(role, signIn.json().path("accessToken").asString());
        });
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheRoleMatrixSays() throws Exception {
        var unnamed = new ArrayList<String>();
        var failures = new ArrayList<String>();
        for (var mapping : mappings) {
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                var info = entry.getKey();
                var endpoint = entry.getValue();
                for (var path : info.getPatternValues()) {
                    var api = path.startsWith("/api/");
                    if (!api && !path.startsWith("/actuator") && !path.startsWith("/v3/api-docs")) {
                        continue;
                    }
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        if (api) {
                            failures.add(path + " answers every HTTP method: name the one it serves");
                        }
                        methods = Set.of(RequestMethod.GET);
                    }
                    for (var method : methods) {
                        var key = RoleMatrix.endpoint(service(path, endpoint), method.name(), path);
                        if (api && RoleGate.declared(endpoint).isEmpty()) {
                            unnamed.add(key + " (" + endpoint.getBeanType().getSimpleName() + "."
                                    + endpoint.getMethod().getName() + ")");
                        }
                        var answers = new LinkedHashMap<String, Boolean>();
                        for (var caller : RoleMatrix.CALLERS) {
                            var answer = call(method.name(), fill(path, endpoint), info, tokens.get(caller));
                            if (answer.statusCode() >= 500) {
                                failures.add(key + " as " + caller + " answered " + answer.statusCode() + ": "
                                        + answer.body());
                            }
                            var refused = caller.equals("anonymous")
                                    ? askedToSignIn(answer)
                                    : answer.statusCode() == 403 && problem(answer, "forbidden");
                            if (!caller.equals("anonymous") && askedToSignIn(answer)) {
                                failures.add(
                                        key + " as " + caller + " was asked to sign in: " + answer.statusCode() + " "
                                                + answer.headers()
                                                        .firstValue("Location")
                                                        .orElse(answer.body()));
                            }
                            answers.put(caller, !refused);
                        }
                        observedEndpoints.put(key, answers);
                    }
                }
            }
        }
        writeObserved();

        assertThat(unnamed)
                .as("endpoints that name no roles (@RolesAllowed, @PermitAll or @DenyAll), refused to everyone")
                .isEmpty();
        assertThat(failures)
                .as("answers that are not a refusal or an endpoint's own answer")
                .isEmpty();
        assertAgrees("endpoints", documented.endpoints(), observedEndpoints);
    }

    @Test
    void everyViewLetsInTheRolesTheRoleMatrixNames() throws Exception {
        // The control the router consults on every navigation; checked below for each role, as it would be.
        assertThat(viewAccess.isEnabled()).isTrue();
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        var router = new Router(registry);
        for (var route : registry.getRegisteredRoutes()) {
            var templates = new ArrayList<String>();
            templates.add(route.getTemplate());
            route.getRouteAliases().forEach(alias -> templates.add(alias.getTemplate()));
            for (var template : templates) {
                var answers = new LinkedHashMap<String, Boolean>();
                for (var caller : RoleMatrix.CALLERS) {
                    var signedIn = caller.equals("anonymous")
                            ? null
                            : new UsernamePasswordAuthenticationToken(
                                    PEOPLE.get(caller), null, List.of(new SimpleGrantedAuthority("ROLE_" + caller)));
                    var context = new NavigationContext(
                            router,
                            route.getNavigationTarget(),
                            new Location(template),
                            RouteParameters.empty(),
                            signedIn,
                            role -> signedIn != null && role.equals(caller),
                            false);
                    answers.put(caller, viewAccess.checkAccess(context, true).decision() == AccessCheckDecision.ALLOW);
                }
                // Without a session the page itself is served only where the matrix lets anyone in.
                var page = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + template))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var servedToAnyone = page.statusCode() == 200;
                assertThat(servedToAnyone)
                        .as("/%s without a session answered %d", template, page.statusCode())
                        .isEqualTo(answers.get("anonymous"));
                if (!servedToAnyone) {
                    assertThat(page.headers().firstValue("Location"))
                            .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
                }
                observedViews.put("/" + template, answers);
            }
        }
        writeObserved();

        assertAgrees("views", documented.views(), observedViews);
    }

    private void assertAgrees(
            String table, Map<String, Map<String, Boolean>> documented, Map<String, Map<String, Boolean>> observed) {
        var differences = new ArrayList<String>();
        observed.forEach((key, answers) -> {
            var cells = documented.get(key);
            if (cells == null) {
                differences.add(key + ": not in docs/role-matrix.md");
                return;
            }
            answers.forEach((caller, allowed) -> {
                if (!allowed.equals(cells.get(caller))) {
                    differences.add(key + " as " + caller + ": the table says "
                            + (cells.get(caller) ? "allowed" : "refused") + ", the plant "
                            + (allowed ? "lets it through" : "refuses it"));
                }
            });
        });
        documented.keySet().stream()
                .filter(key -> !observed.containsKey(key))
                .forEach(key -> differences.add(key + ": in docs/role-matrix.md, but the plant has no such " + table));
        assertThat(differences)
                .as("docs/role-matrix.md (%s) against the plant; what the plant does is in %s", table, observedFile())
                .isEmpty();
    }

    private void writeObserved() {
        var endpoints = observedEndpoints.isEmpty() ? documented.endpoints() : observedEndpoints;
        var views = observedViews.isEmpty() ? documented.views() : observedViews;
        documented.with(endpoints, views).write(observedFile());
    }

    private static Path observedFile() {
        return Path.of("target", "role-matrix.md").toAbsolutePath();
    }

    private HttpResponse<String> call(String method, String path, RequestMappingInfo info, @Nullable String token)
            throws IOException, InterruptedException {
        var body = switch (method) {
            case "POST", "PUT", "PATCH" -> HttpRequest.BodyPublishers.ofString("{}");
            default -> HttpRequest.BodyPublishers.noBody();
        };
        var consumes = info.getConsumesCondition().getConsumableMediaTypes();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body)
                .header("Accept", "*/*")
                .header(
                        "Content-Type",
                        consumes.isEmpty()
                                ? "application/json"
                                : consumes.iterator().next().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path with each variable a dummy of its parameter's type: numbers and ids parse, and name nothing there is. */
    private static String fill(String pattern, HandlerMethod endpoint) {
        var types = new HashMap<String, Class<?>>();
        for (var parameter : endpoint.getMethodParameters()) {
            var variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable != null) {
                var name = !variable.name().isEmpty() ? variable.name() : variable.value();
                types.put(name.isEmpty() ? parameter.getParameterName() : name, parameter.getParameterType());
            }
        }
        var matcher = VARIABLE.matcher(pattern);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var type = types.getOrDefault(matcher.group(1), String.class);
            String dummy;
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                dummy = "987654321";
            } else if (type == UUID.class) {
                dummy = "00000000-0000-7000-8000-000000000000";
            } else {
                dummy = "NO-SUCH-1";
            }
            matcher.appendReplacement(filled, dummy);
        }
        matcher.appendTail(filled);
        // The actuator's catch-all paths ("/actuator/health/**"): their root.
        return filled.toString().replace("/**", "");
    }

    /** The service an endpoint belongs to: the package under {@code com.linetrace} of its controller. */
    private static String service(String path, HandlerMethod endpoint) {
        if (path.startsWith("/actuator")) {
            return "actuator";
        }
        if (!path.startsWith("/api/")) {
            return "openapi";
        }
        var name = endpoint.getBeanType().getPackageName();
        var parts = name.split("\\.");
        return parts.length > 2 && parts[0].equals("com") && parts[1].equals("linetrace") ? parts[2] : name;
    }

    private static boolean problem(HttpResponse<String> answer, String code) {
        return answer.body().contains("\"type\":\"urn:linetrace:problem:" + code + "\"");
    }

    /** The API's 401, or the screens' redirect to their sign-in page for a path the API's chain does not serve. */
    private static boolean askedToSignIn(HttpResponse<String> answer) {
        return (answer.statusCode() == 401 && (problem(answer, "unauthenticated") || problem(answer, "invalid-token")))
                || (answer.statusCode() == 302
                        && answer.headers().firstValue("Location").orElse("").endsWith("/login"));
    }
}
