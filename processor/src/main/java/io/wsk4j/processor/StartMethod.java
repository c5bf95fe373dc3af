package io.wsk4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;

/**
 * One public start method an operation gives its handler's dispatch class (SPEC P5): its name, the parameters
 * before the context, one summary sentence, and the provider call.
 *
 * @param name the method's name; handlers of other context types give overloads
 * @param parameters the parameters before the context (and before the IRP of a faithful handler)
 * @param summary the first sentence of its javadoc, naming the WSK function it stands for
 * @param call the provider call with the caller's IRP, a JavaPoet format with named arguments ({@code $sendFlags:T},
 *     {@code $events:L}, a connect's client dispatch or a datagram socket's, {@code $listenDispatch:N}); {@code irp}
 *     and {@code context} are in scope
 * @param pooledCall the same call through the pool's start method for simple handlers ({@code $handler:L} is the
 *     handler reference, {@code $eventSet:L} a connect's client dispatch and events); null if there is none
 * @param deliveredTo where the caller's IRP keeps the routine the caller set (the listen of an accept handler, the
 *     datagram socket of a receive-from event handler): the start of the javadoc sentence that names the event handler
 *     ({@code Connections go to}); null where the glue sets the handler's routine
 * @param bounded whether the operation can wait, so that the method has an overload with a trailing
 *     {@code Duration timeout} that arms {@code Irp.cancelAfter} (SPEC N2)
 */
record StartMethod(
        String name,
        List<Parameter> parameters,
        String summary,
        String call,
        String pooledCall,
        String deliveredTo,
        boolean bounded) {
    /**
     * The placeholder of a start method's own type variable, an option's value type: the planner names the real one
     * so that it differs from the handler class's type variables.
     */
    static final TypeVariableName VALUE = TypeVariableName.get("T");

    /** A parameter and its {@code @param} text; its type may mention {@link #VALUE}. */
    record Parameter(TypeName type, String name, String doc) {
        /** The canonical name of the type's erasure, which overloads must not share. */
        String erasure() {
            if (type instanceof ParameterizedTypeName parameterized) {
                return parameterized.rawType().canonicalName();
            }
            if (type instanceof TypeVariableName) {
                return Object.class.getName();
            }
            return ((ClassName) type).canonicalName();
        }

        /** The type with {@link #VALUE} replaced by {@code value}. */
        TypeName typeWith(TypeVariableName value) {
            if (type.equals(VALUE)) {
                return value;
            }
            if (type instanceof ParameterizedTypeName parameterized && parameterized.typeArguments().contains(VALUE)) {
                return ParameterizedTypeName.get(parameterized.rawType(), parameterized.typeArguments().stream()
                        .map(argument -> argument.equals(VALUE) ? value : argument).toArray(TypeName[]::new));
            }
            return type;
        }

        boolean mentionsValue() {
            return type.equals(VALUE)
                    || (type instanceof ParameterizedTypeName parameterized
                            && parameterized.typeArguments().contains(VALUE));
        }
    }

    /** Whether the method has a type variable of its own, {@link #VALUE}. */
    boolean generic() {
        return parameters.stream().anyMatch(Parameter::mentionsValue);
    }

    static StartMethod start(String name, String summary, String call, String pooledCall, Parameter... parameters) {
        return new StartMethod(name, List.of(parameters), summary, call, pooledCall, null, false);
    }

    /** This start method with an overload bounded by a {@code Duration timeout} (SPEC N2). */
    StartMethod withDeadline() {
        return new StartMethod(name, parameters, summary, call, pooledCall, deliveredTo, true);
    }

    /** The pooled call of the bounded overload: the pool's start method with the timeout after the context. */
    String boundedPooledCall() {
        if (!pooledCall.endsWith("context)")) {
            throw new IllegalStateException("a pooled call ends with the context: " + pooledCall);
        }
        return pooledCall.substring(0, pooledCall.length() - 1) + ", timeout)";
    }

    /** Whether the caller's IRP keeps the routine the caller set. */
    boolean callerRoutine() {
        return deliveredTo != null;
    }

    static Parameter socket() {
        return new Parameter(RuntimeTypes.WSK_SOCKET, "socket", "a connected socket");
    }

    static Parameter datagramSocket() {
        return new Parameter(RuntimeTypes.WSK_DATAGRAM_SOCKET, "socket", "a bound datagram socket");
    }

    static Parameter basicSocket() {
        return new Parameter(RuntimeTypes.WSK_BASIC_SOCKET, "socket", "the socket, of any kind");
    }

    static Parameter option() {
        return new Parameter(ParameterizedTypeName.get(RuntimeTypes.WSK_OPTION, VALUE), "option",
                "the option, one of the constants of {@link WskOption}");
    }

    static Parameter provider() {
        return new Parameter(RuntimeTypes.WSK_PROVIDER, "provider", "the provider that makes the socket");
    }

    static Parameter buffer(String name, String doc) {
        return new Parameter(RuntimeTypes.WSK_BUF, name, doc);
    }

    static Parameter address(String name, String doc) {
        return new Parameter(RuntimeTypes.SOCKET_ADDRESS, name, doc);
    }
}
