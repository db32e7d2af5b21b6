package com.linetrace.trace.dhr;

import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.AuditProblem;
import com.linetrace.contracts.problem.ProblemType;
import com.linetrace.trace.api.TraceProblem;
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
 * The audit ledger's api over HTTP, for trace running apart from audit: calls only the configured base URL, with the
 * token of the person asking for the record (audit decides what they may see), no cookies, no redirects, and turns
 * audit's problems back into the exceptions its in-process binding throws. No answer at all is {@code
 * audit-ledger-unreachable}: a record is not handed out without its proofs.
 */
final class AuditLedgerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(20);

    private AuditLedgerClient() {}

    static AuditLedger at(URI base) {
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
                .requestInterceptor(AuditLedgerClient::withCallersToken)
                .defaultStatusHandler(status -> !status.is2xxSuccessful(), (request, response) -> {
                    throw refusal(response);
                })
                .build();
        var client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(AuditLedger.class);
        return (AuditLedger) Proxy.newProxyInstance(
                AuditLedger.class.getClassLoader(), new Class<?>[] {AuditLedger.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString")
                                ? "AuditLedger over HTTP at " + base
                                : method.invoke(client, args);
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ResourceAccessException unanswered) {
                            throw TraceProblem.AUDIT_LEDGER_UNREACHABLE.exception("The audit ledger at " + base
                                    + " did not answer: no record is handed out" + " without its proofs, try again");
                        }
                        throw Objects.requireNonNull(e.getCause());
                    }
                });
    }

    private static ClientHttpResponse withCallersToken(
            HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication()
                instanceof AbstractOAuth2TokenAuthenticationToken<?> caller) {
            request.getHeaders().setBearerAuth(caller.getToken().getTokenValue());
        }
        return execution.execute(request, body);
    }

    private static RuntimeException refusal(ClientHttpResponse response) throws IOException {
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
        var problem = Arrays.stream(AuditProblem.values())
                .filter(p -> p.code().equals(known))
                .findFirst();
        if (problem.isPresent()) {
            return problem.get().exception(detail);
        }
        if (response.getStatusCode().value() == 403) {
            return new AccessDeniedException("Your role may not see this unit's audit entries");
        }
        return TraceProblem.AUDIT_LEDGER_UNREACHABLE.exception("The audit ledger answered "
                + response.getStatusCode().value() + (code.isEmpty() ? "" : " " + code)
                + ": no record is handed out without its proofs");
    }
}
