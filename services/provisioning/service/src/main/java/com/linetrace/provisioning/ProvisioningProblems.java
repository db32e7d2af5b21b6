package com.linetrace.provisioning;

import com.linetrace.contracts.secrets.PrivateKeyMaterialException;
import com.linetrace.provisioning.api.ProvisioningProblem;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Private key material found where a request is read (its body, a report's fields) as provisioning's problem type.
 * Every other refusal is a {@link com.linetrace.contracts.problem.ProblemException}, which the API's general advice
 * answers with its status and type.
 */
@RestControllerAdvice(basePackages = "com.linetrace.provisioning")
@Order(0)
class ProvisioningProblems {

    @ExceptionHandler
    ProblemDetail privateKey(PrivateKeyMaterialException e) {
        var problem = ProvisioningProblem.PRIVATE_KEY_MATERIAL;
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.status()), e.getMessage());
        body.setType(URI.create(problem.type()));
        return body;
    }
}
