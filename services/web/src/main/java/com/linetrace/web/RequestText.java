package com.linetrace.web;

import com.linetrace.contracts.MalformedTextException;
import com.linetrace.contracts.Text;
import java.util.ArrayDeque;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Runs {@link Text}'s check on every string of every API request body, so that no service takes in text that its
 * own tables or another service's consumer would refuse (a NUL, half a surrogate pair, a control character). A
 * refusal is a 400 {@code invalid-text} naming the field ({@link ApiProblems}); each field's length stays with its
 * request record.
 */
final class RequestText extends SimpleModule {

    RequestText() {
        super("linetrace-request-text");
        addDeserializer(String.class, new CheckedStrings());
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            var value = super.deserialize(parser, context);
            var problem = value == null ? null : Text.problemWith(value, Integer.MAX_VALUE);
            if (problem != null) {
                throw new MalformedTextException(field(parser), problem);
            }
            return value;
        }

        /** The field's path in the body: {@code reason}, {@code defects[0]}, {@code operations[2].name}. */
        private static String field(JsonParser parser) {
            var segments = new ArrayDeque<String>();
            for (var context = parser.streamReadContext();
                    context != null && !context.inRoot();
                    context = context.getParent()) {
                if (context.inArray()) {
                    segments.push("[" + context.getCurrentIndex() + "]");
                } else if (context.currentName() != null) {
                    segments.push("." + context.currentName());
                }
            }
            var path = String.join("", segments);
            return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
        }
    }
}
