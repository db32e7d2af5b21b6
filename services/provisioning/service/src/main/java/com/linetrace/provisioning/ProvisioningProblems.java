package com.linetrace.provisioning;

import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Provisioning's refusals as problem+json. Comes before the API's general advice (malformed JSON, wrong
 * content type, unexpected errors), which answers everything else.
 */
@RestControllerAdvice(basePackages = "com.linetrace.provisioning")
@Order(0)
class ProvisioningProblems {

    @ExceptionHandler
    ProblemDetail refused(ProblemException e) {
        return problem(e.problem(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail privateKey(PrivateKeyMaterialException e) {
        return problem(Problem.PRIVATE_KEY_MATERIAL, e.getMessage());
    }

    private static ProblemDetail problem(Problem problem, String detail) {
        var body = ProblemDetail.forStatusAndDetail(problem.status, detail);
        body.setType(URI.create("urn:linetrace:problem:" + problem.code));
        return body;
    }
}
