package io.wsk4j.processor;

import io.wsk4j.processor.HandlerModel.Shape;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One accepted handler shape (SPEC P3, P4): the parameters before the context, the context's placeholder, and what
 * the method returns. {@link Operation} lists the signatures of each operation; the validator matches a method
 * against them and the error messages print them, so the rule and its text cannot drift apart.
 *
 * @param shape how the handler receives its result
 * @param returns what the method must return
 * @param parameters the parameters before the context, as {@code Type name}
 * @param context the context parameter as the messages show it ({@code C context}, {@code L listenContext})
 * @param returnHint the sentence that explains the return type when it is wrong
 */
record Signature(Shape shape, Returns returns, List<Parameter> parameters, String context, String returnHint) {
    /** A parameter before the context: a canonical type name (or {@code long}) and the name messages show. */
    record Parameter(String type, String name) {
        /** {@code List<InetSocketAddress>} for {@code java.util.List<java.net.InetSocketAddress>}. */
        String simpleType() {
            return type.replaceAll("[\\w.]*\\.", "");
        }
    }

    /** What a handler of a shape returns, and how to check it. */
    enum Returns {
        VOID("void"),
        LONG("long"),
        NT_STATUS("NtStatus"),
        /** The accepted socket's context: any reference type. */
        REFERENCE("A");

        private final String shown;

        Returns(String shown) {
            this.shown = shown;
        }

        boolean accepts(TypeMirror type) {
            switch (this) {
                case VOID:
                    return type.getKind() == TypeKind.VOID;
                case LONG:
                    return type.getKind() == TypeKind.LONG;
                case NT_STATUS:
                    return TypeNames.is(type, TypeNames.NT_STATUS);
                case REFERENCE:
                    return type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.ARRAY
                            || type.getKind() == TypeKind.TYPEVAR;
                default:
                    throw new AssertionError(this);
            }
        }

        /** How the message names the required return type. */
        String required() {
            return this == REFERENCE ? "a reference type" : shown;
        }
    }

    static Parameter parameter(String type, String name) {
        return new Parameter(type, name);
    }

    /** Whether {@code types}, the method's parameter types, are these parameters followed by a context. */
    boolean matches(List<? extends TypeMirror> types) {
        if (types.size() != parameters.size() + 1) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            String expected = parameters.get(i).type();
            boolean match;
            if (expected.equals("long")) {
                match = types.get(i).getKind() == TypeKind.LONG;
            } else if (expected.contains("<")) {
                // the pool hands over exactly this type: a List<String> or a raw List would not compile in the glue
                match = TypeNames.canonical(types.get(i)).equals(expected);
            } else {
                match = TypeNames.is(types.get(i), expected);
            }
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** {@code void sent(NtStatus status, long bytes, C context)}, for method {@code sent}. */
    String describe(String method) {
        return returns.shown + " " + method + "(" + parameters.stream()
                .map(parameter -> parameter.simpleType() + " " + parameter.name() + ", ")
                .collect(Collectors.joining()) + context + ")";
    }

    /** {@code taking (NtStatus, long, context)}: which shape a wrong return type was checked against. */
    String taking() {
        return parameters.stream().map(Parameter::simpleType)
                .collect(Collectors.joining(", ", "taking (", ", context)"));
    }
}
