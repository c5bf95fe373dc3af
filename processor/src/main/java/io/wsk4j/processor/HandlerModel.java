package io.wsk4j.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The validated model of one handler class: what the user wrote, checked. {@link Planner} decides from it what the
 * dispatch class contains. Records only; it holds elements and type mirrors of the current round and never outlives
 * it (SPEC P9).
 */
final class HandlerModel {
    private HandlerModel() {}

    /** How a handler receives its result (SPEC P3, P4). */
    enum Shape {
        /** {@code void m(NtStatus, C)}: the glue owns the IRP. */
        STATUS,
        /** {@code void m(NtStatus, long, C)}: send and receive, with the byte count. */
        STATUS_BYTES,
        /** {@code void m(NtStatus, DisconnectMode, C)}: disconnect, with the mode its start method used. */
        STATUS_MODE,
        /** {@code void m(NtStatus, long, SocketAddress, C)}: a receiveFrom, with the datagram's length and source. */
        STATUS_BYTES_SOURCE,
        /** {@code void m(NtStatus, List<InetSocketAddress>, C)}: a name resolved, with its addresses. */
        STATUS_ADDRESSES,
        /** {@code void m(NtStatus, SocketAddress, C)}: an address query, with the address. */
        STATUS_ADDRESS,
        /** {@code void m(NtStatus, WskSocket, C)}: connect, with the new socket. */
        STATUS_SOCKET,
        /** {@code <T> void m(NtStatus, WskOption<T>, T, C)}: an option read or set, with its value typed. */
        STATUS_OPTION,
        /** {@code NtStatus m(Irp, C)}: the handler owns the IRP, as in the seed. */
        FAITHFUL,
        /** An event callback: {@code long m(WskBuf, C)}, {@code void m(DisconnectMode, C)} or an accept handler. */
        EVENT
    }

    /**
     * One handler class.
     *
     * @param packageName the package of the handler class, also the package of the dispatch class
     * @param simpleNames the handler class's simple names from the outermost class inwards ({@code Outer, Inner})
     * @param qualifiedName the handler class's canonical name, the originating element of the generated file
     * @param isPublic whether the dispatch class is public (SPEC P5)
     * @param typeVariables the handler class's type variables, kept by the dispatch class
     * @param handlers the handlers, sorted by operation, then context type, then method name
     * @param functionalInterface whether the handler class is a functional interface, so that a lambda could stand
     *     for it as for the factory of the dispatch constructor
     * @param nameable whether the dispatch class can name the handler class (it is private at no level)
     * @param brokenOperations the operations of handlers that have mistakes of their own, so that the stand-in of a
     *     class with errors still declares their start methods; empty for a class without errors
     */
    record HandlerClass(
            String packageName,
            List<String> simpleNames,
            String qualifiedName,
            boolean isPublic,
            List<? extends TypeMirror> typeVariables,
            List<Handler> handlers,
            boolean functionalInterface,
            boolean nameable,
            List<Operation> brokenOperations) {

        String dispatchSimpleName() {
            return HandlerModel.dispatchSimpleName(simpleNames);
        }
    }

    /** The one rule for the dispatch class's name (SPEC P5): {@code Outer_InnerDispatch} for {@code Outer.Inner}. */
    static String dispatchSimpleName(List<String> simpleNames) {
        return String.join("_", simpleNames) + "Dispatch";
    }

    /**
     * One handler method.
     *
     * @param operation what its annotation says it handles
     * @param shape how it receives the result
     * @param methodName the method's name
     * @param erasedParameterTypes the method's erased parameter types, for the javadoc link back to it
     * @param context the context type, the last parameter
     * @param acceptedContext for an accept handler, the accepted socket's context type (its return type); else null
     * @param method the method, where a problem the planner finds is reported
     * @param annotation the handler annotation on it
     * @param deprecated whether the method, its context or its accepted context is deprecated, so that the glue
     *     that calls or names it repeats the suppression the user chose
     * @param functionalContext whether the context type is a functional interface (a lambda may stand for it)
     * @param declarationIndex the method's place among the class's handlers as written, so that a problem between
     *     two handlers is reported on the one written later
     * @param sharedName whether another method of the class has the same name, so that a method reference to it
     *     might not choose between the pool's start methods for a status and for a byte count
     */
    record Handler(
            Operation operation,
            Shape shape,
            String methodName,
            List<? extends TypeMirror> erasedParameterTypes,
            TypeMirror context,
            TypeMirror acceptedContext,
            ExecutableElement method,
            AnnotationMirror annotation,
            boolean deprecated,
            boolean functionalContext,
            int declarationIndex,
            boolean sharedName) {}
}
