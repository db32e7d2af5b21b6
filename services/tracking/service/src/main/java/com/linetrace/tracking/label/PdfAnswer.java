package com.linetrace.tracking.label;

import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Marks the answer of the HTTP request being served, if there is one, as a PDF to show in the browser. The label
 * calls return bytes to in-process callers too, so the content type is set here rather than by a mapping's
 * {@code produces}, which would answer a client that accepts only JSON with 406 instead of its 404.
 */
public final class PdfAnswer {

    private PdfAnswer() {}

    public static byte[] inline(String filename, byte[] pdf) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            var response = request.getResponse();
            response.setContentType(MediaType.APPLICATION_PDF_VALUE);
            response.setHeader("Content-Disposition", "inline; filename=\"" + filename + "\"");
        }
        return pdf;
    }
}
