package com.linetrace.ui.remote;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.contracts.problem.ProblemType;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the HTTP binding of a service's api interface: an HTTP interface client over a {@link RestClient} that
 * calls only the service's configured base URL, sends the signed-in user's bearer token and no cookies, waits no
 * longer than the configured timeouts, and turns the service's problem+json answers back into the exceptions the
 * in-process binding throws. Whatever else goes wrong is a {@link ServiceUnreachableException} naming the service.
 */
public final class RemoteApis {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RemoteSettings settings;

    public RemoteApis(RemoteSettings settings) {
        this.settings = settings;
    }

    /**
     * The client of {@code api}, served by {@code service} at {@code base}; {@code problems} is the api's problem
     * enum, whose codes name the refusals it may answer with.
     */
    public <T, P extends Enum<P> & ProblemType> T client(String service, URI base, Class<T> api, Class<P> problems) {
        var answers = new Answers(service, problems.getEnumConstants());
        var http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // The services speak HTTP/1.1; no upgrade to offer on every call.
                .version(HttpClient.Version.HTTP_1_1)
                // A service never sends the UI elsewhere: an answer that tries is not one of its api's.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        var rest = RestClient.builder()
                .baseUrl(base.toString())
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> onlyTo(base, service, request, body, execution))
                .requestInterceptor(RemoteApis::withBearerToken)
                .requestInterceptor(RemoteApis::withClientAddress)
                .defaultStatusHandler(status -> !status.is2xxSuccessful(), (request, response) -> {
                    throw answers.refusal(response);
                })
                .build();
        var client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(api);
        return api.cast(Proxy.newProxyInstance(
                api.getClassLoader(), new Class<?>[] {api}, new Unreachable<>(service, base, api, client)));
    }

    private static ClientHttpResponse onlyTo(
            URI base, String service, HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        var target = request.getURI();
        if (!Objects.equals(target.getScheme(), base.getScheme())
                || !Objects.equals(target.getHost(), base.getHost())
                || target.getPort() != base.getPort()) {
            throw new ServiceUnreachableException(service, "a call to " + target.getHost() + " was stopped");
        }
        return execution.execute(request, body);
    }

    /** The signed-in user's token, for the service to know who asks; without one, the service answers 401. */
    private static ClientHttpResponse withBearerToken(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication()
                instanceof AbstractOAuth2TokenAuthenticationToken<?> signedIn) {
            request.getHeaders().setBearerAuth(signedIn.getToken().getTokenValue());
        }
        return execution.execute(request, body);
    }

    /**
     * The address of the browser this call is made for, so that identity limits failed sign-ins per person's address
     * and records it in the audit log, not the UI's own address for everyone. A service trusts it only from a proxy
     * it was told to trust ({@code server.forward-headers-strategy}).
     */
    private static ClientHttpResponse withClientAddress(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes browser
                && browser.getRequest().getRemoteAddr() != null) {
            request.getHeaders().set("X-Forwarded-For", browser.getRequest().getRemoteAddr());
        }
        return execution.execute(request, body);
    }

    /** What a service's answer other than 2xx means for the caller, as the in-process binding would have said it. */
    private record Answers(String service, ProblemType[] problems) {

        RuntimeException refusal(ClientHttpResponse response) throws IOException {
            var status = response.getStatusCode();
            var problem = problem(response);
            var code = problem.map(p -> p.path("type").asString(""))
                    .filter(type -> type.startsWith(ProblemType.URN_PREFIX))
                    .map(type -> type.substring(ProblemType.URN_PREFIX.length()))
                    .orElse("");
            var detail = problem.map(p -> p.path("detail").asString("")).orElse("");
            var known =
                    Arrays.stream(problems).filter(p -> p.code().equals(code)).findFirst();
            if (known.isPresent()) {
                return known.get().exception(detail);
            }
            if (code.equals(DatabaseUnreachable.CODE)) {
                return new ProblemException(DatabaseAway.INSTANCE, detail);
            }
            if (status.value() == 401) {
                return new InsufficientAuthenticationException(
                        "The " + service + " service did not accept your sign-in: sign in again");
            }
            if (status.value() == 403) {
                return new AccessDeniedException("Your role may not do this");
            }
            return new ServiceUnreachableException(service, describe(status, code, detail));
        }

        private static String describe(HttpStatusCode status, String code, String detail) {
            if (code.equals("internal")) {
                return "it failed: " + detail;
            }
            return "it answered " + status.value() + (code.isEmpty() ? "" : " " + code);
        }

        private static Optional<JsonNode> problem(ClientHttpResponse response) {
            var type = response.getHeaders().getContentType();
            if (type == null || !type.getSubtype().endsWith("json")) {
                return Optional.empty();
            }
            try (var body = response.getBody()) {
                var text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                return Optional.of(JSON.readTree(text));
            } catch (IOException | JacksonException e) {
                return Optional.empty();
            }
        }
    }

    /** The answer of a service whose database is away: the UI says so as it does when its own database is. */
    private enum DatabaseAway implements ProblemType {
        INSTANCE;

        @Override
        public String code() {
            return DatabaseUnreachable.CODE;
        }

        @Override
        public int status() {
            return 503;
        }
    }

    /** The client, with a failure to get any answer turned into the service being unreachable. */
    private record Unreachable<T>(String service, URI base, Class<T> api, T client) implements InvocationHandler {

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> api.getSimpleName() + " over HTTP at " + base;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == Objects.requireNonNull(args)[0];
                    default -> method.invoke(client, args);
                };
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                var failure = e.getCause();
                if (failure instanceof RestClientException unanswered) {
                    throw new ServiceUnreachableException(service, why(unanswered), unanswered);
                }
                throw failure;
            }
        }

        private String why(RestClientException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.http.HttpTimeoutException) {
                    return "no answer in time from " + base;
                }
                if (t instanceof java.net.ConnectException) {
                    return "no connection to " + base;
                }
            }
            return "no usable answer from " + base;
        }
    }
}
