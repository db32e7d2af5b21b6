package com.linetrace.provisioning.secrets;

import com.linetrace.contracts.secrets.PrivateKeyDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every request body of provisioning's API before it is converted, and refuses it if it holds private
 * key material: the JSON parser, validation messages and logs never see it. The raw bytes are searched as sent and
 * as decoded in the charset the request declares (a key in EBCDIC is no UTF-8 text); after conversion, the decoded
 * fields are searched again, so no escape or encoding the parser understands hides a key. The body is already bounded
 * by the API's size limit.
 */
@ControllerAdvice(basePackages = "com.linetrace.provisioning")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusePrivateKeysInRequests extends RequestBodyAdviceAdapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        PrivateKeyDetector.refuseIfPresent(body);
        var type = input.getHeaders().getContentType();
        Charset charset = type == null ? null : type.getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            PrivateKeyDetector.refuseIfPresent(new String(body, charset));
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        PrivateKeyDetector.refuseIfPresent(JSON.writeValueAsBytes(body));
        return body;
    }
}
