package com.linetrace.web;

import com.linetrace.contracts.problem.ProblemType;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP binding of another service's api interface, for a service that calls it while running apart from it
 * (trace asking the audit ledger for a record's proofs, tracking asking identity to check a signature): an HTTP
 * interface client that calls only the configured base URL, hands on the token of the person the call is for (the
 * called service decides what they may do), sends no cookies, follows no redirects, waits no longer than a few
 * seconds, and turns the service's problem+json answers back into the exceptions its in-process binding throws. No
 * answer at all is the caller's own {@code unreachable} problem.
 */
public final class ServiceClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(20);

    private ServiceClients() {}

    /**
     * The client of {@code api} at {@code base}; {@code problems} names the refusals the api answers with, and
     * {@code unreachable} (a 503 of the caller's) is thrown when the service gives no usable answer.
     */
    public static <T, P extends Enum<P> & ProblemType> T client(
            String service, URI base, Class<T> api, Class<P> problems, ProblemType unreachable) {
        var http = HttpClient.newBuilder()
                .connectTimeout(CONNECT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(READ);
        var rest = RestClient.builder()
                .baseUrl(base.toString())
                .requestFactory(requests)
                .requestInterceptor(ServiceClients::withCallersToken)
                .defaultStatusHandler(status -> !status.is2xxSuccessful(), (request, response) -> {
                    throw refusal(service, response, problems.getEnumConstants(), unreachable);
                })
                .build();
        var client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(api);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
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
                if (e.getCause() instanceof ResourceAccessException) {
                    throw unreachable.exception("The " + service + " service at " + base + " did not answer");
                }
                throw Objects.requireNonNull(e.getCause());
            }
        }));
    }

    private static ClientHttpResponse withCallersToken(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication()
                instanceof AbstractOAuth2TokenAuthenticationToken<?> caller) {
            request.getHeaders().setBearerAuth(caller.getToken().getTokenValue());
        }
        return execution.execute(request, body);
    }

    private static RuntimeException refusal(
            String service, ClientHttpResponse response, ProblemType[] problems, ProblemType unreachable)
            throws IOException {
        var code = "";
        var detail = "";
        var type = response.getHeaders().getContentType();
        if (type != null && type.getSubtype().endsWith("json")) {
            try (var in = response.getBody()) {
                var problem = JSON.readTree(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
                var urn = problem.path("type").asString("");
                code = urn.startsWith(ProblemType.URN_PREFIX) ? urn.substring(ProblemType.URN_PREFIX.length()) : "";
                detail = problem.path("detail").asString("");
            } catch (JacksonException e) {
                // Not a problem document: judged by its status below.
            }
        }
        var known = code;
        var problem =
                Arrays.stream(problems).filter(p -> p.code().equals(known)).findFirst();
        if (problem.isPresent()) {
            return problem.get().exception(detail);
        }
        if (response.getStatusCode().value() == 403) {
            return new AccessDeniedException("Your role may not do this");
        }
        return unreachable.exception("The " + service + " service answered "
                + response.getStatusCode().value() + (code.isEmpty() ? "" : " " + code));
    }
}
