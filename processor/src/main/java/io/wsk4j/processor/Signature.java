package io.wsk4j.processor;

import io.wsk4j.processor.HandlerModel.Shape;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

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
    /**
     * The type a generic signature's parameters name for the method's own type variable, whatever the method calls it
     * ({@code <T> void m(NtStatus status, WskOption<T> option, T value, C context)}).
     */
    static final String VALUE = "T";

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

    /** Whether the method has one type variable of its own, which {@link #VALUE} stands for. */
    boolean generic() {
        return parameters.stream().anyMatch(parameter -> parameter.type().equals(VALUE));
    }

    /**
     * Whether {@code types}, the method's parameter types, are these parameters followed by a context; a generic
     * signature also needs the method's one unbounded type variable, {@code typeParameters}, where it says
     * {@link #VALUE}. (A method with type variables of its own fits only a generic signature's types; the validator
     * reports such a method that fits another.)
     */
    boolean matches(List<? extends TypeMirror> types, List<? extends TypeParameterElement> typeParameters) {
        if (types.size() != parameters.size() + 1) {
            return false;
        }
        TypeParameterElement value = null;
        if (generic()) {
            if (typeParameters.size() != 1 || !unbounded(typeParameters.get(0))) {
                return false;
            }
            value = typeParameters.get(0);
        }
        for (int i = 0; i < parameters.size(); i++) {
            String expected = parameters.get(i).type();
            boolean match;
            if (value != null && expected.equals(VALUE)) {
                match = isVariable(types.get(i), value);
            } else if (value != null && expected.endsWith("<" + VALUE + ">")) {
                TypeMirror type = types.get(i);
                match = TypeNames.is(type, expected.substring(0, expected.length() - VALUE.length() - 2))
                        && ((DeclaredType) type).getTypeArguments().size() == 1
                        && isVariable(((DeclaredType) type).getTypeArguments().get(0), value);
            } else if (expected.equals("long")) {
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

    private static boolean unbounded(TypeParameterElement parameter) {
        List<? extends TypeMirror> bounds = parameter.getBounds();
        return bounds.isEmpty() || (bounds.size() == 1 && TypeNames.is(bounds.get(0), TypeNames.OBJECT));
    }

    private static boolean isVariable(TypeMirror type, TypeParameterElement variable) {
        return type.getKind() == TypeKind.TYPEVAR && ((TypeVariable) type).asElement().equals(variable);
    }

    /** {@code void sent(NtStatus status, long bytes, C context)}, for method {@code sent}. */
    String describe(String method) {
        return (generic() ? "<" + VALUE + "> " : "") + returns.shown + " " + method + "(" + parameters.stream()
                .map(parameter -> parameter.simpleType() + " " + parameter.name() + ", ")
                .collect(Collectors.joining()) + context + ")";
    }

    /** {@code taking (NtStatus, long, context)}: which shape a wrong return type was checked against. */
    String taking() {
        return parameters.stream().map(Parameter::simpleType)
                .collect(Collectors.joining(", ", "taking (", ", context)"));
    }
}
