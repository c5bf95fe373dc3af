package io.wsk4j.processor;

import io.wsk4j.processor.HandlerModel.Handler;
import io.wsk4j.processor.HandlerModel.HandlerClass;
import io.wsk4j.processor.HandlerModel.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Checks one handler class against SPEC P2–P7 and builds its {@link HandlerModel}. One check per rule; every
 * problem of the class is collected, each reported once on its element.
 */
final class HandlerValidator {
    private final Types types;

    HandlerValidator(Types types) {
        this.types = types;
    }

    /** A handler method and the annotation that made it one. */
    private record Annotated(ExecutableElement method, List<AnnotationMirror> annotations) {}

    Validation validate(TypeElement type) {
        List<Annotated> annotated = annotatedMethods(type);
        if (annotated.isEmpty()) {
            return new Validation.NoHandlers();
        }
        String dispatchName = String.join("_", simpleNames(type)) + "Dispatch";

        // P2: the class must be reachable from the generated class in the same package.
        Problem classProblem = checkClass(type, dispatchName);
        if (classProblem != null) {
            return new Validation.Invalid(List.of(classProblem));
        }
        // P9: a signature that mentions a type not generated yet is looked at again in a later round.
        for (Annotated candidate : annotated) {
            if (mentionsUnresolvedType(candidate.method())) {
                return new Validation.Deferred(new Problem(candidate.method(), candidate.annotations().get(0),
                        Messages.UNRESOLVED_TYPE.format(name(candidate.method()), dispatchName)));
            }
        }

        List<Problem> problems = new ArrayList<>();
        List<Handler> handlers = new ArrayList<>();
        List<Annotated> owners = new ArrayList<>();
        for (Annotated candidate : annotated) {
            Problem problem = checkMethod(candidate, dispatchName);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            Handler handler = shape(candidate, problems);
            if (handler != null) {
                handlers.add(handler);
                owners.add(candidate);
            }
        }
        checkDuplicates(handlers, owners, problems);
        if (!problems.isEmpty()) {
            return new Validation.Invalid(List.copyOf(problems));
        }
        handlers.sort(Comparator.comparing(Handler::operation)
                .thenComparing(handler -> TypeNames.canonical(handler.context()))
                .thenComparing(Handler::methodName));
        List<TypeMirror> typeVariables = new ArrayList<>();
        for (TypeParameterElement parameter : type.getTypeParameters()) {
            typeVariables.add(parameter.asType());
        }
        return new Validation.Valid(new HandlerClass(
                packageOf(type).getQualifiedName().toString(),
                simpleNames(type),
                type.getQualifiedName().toString(),
                type.getModifiers().contains(Modifier.PUBLIC),
                List.copyOf(typeVariables),
                List.copyOf(handlers)));
    }

    private static List<Annotated> annotatedMethods(TypeElement type) {
        List<Annotated> result = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            List<AnnotationMirror> mirrors = new ArrayList<>();
            for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
                if (operationOf(mirror) != null) {
                    mirrors.add(mirror);
                }
            }
            if (!mirrors.isEmpty()) {
                result.add(new Annotated(method, List.copyOf(mirrors)));
            }
        }
        return result;
    }

    private static Operation operationOf(AnnotationMirror mirror) {
        TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
        return Operation.forAnnotation(annotationType.getQualifiedName().toString());
    }

    /** P2: non-private at every level, and static when nested. */
    private static Problem checkClass(TypeElement type, String dispatchName) {
        for (Element level = type; level instanceof TypeElement; level = level.getEnclosingElement()) {
            TypeElement levelType = (TypeElement) level;
            if (levelType.getModifiers().contains(Modifier.PRIVATE)) {
                return new Problem(type, null,
                        Messages.PRIVATE_CLASS.format(levelType.getQualifiedName(), dispatchName));
            }
            if (levelType.getNestingKind() == NestingKind.MEMBER
                    && levelType.getKind() == ElementKind.CLASS
                    && !levelType.getModifiers().contains(Modifier.STATIC)) {
                return new Problem(type, null,
                        Messages.INNER_CLASS.format(levelType.getQualifiedName(), dispatchName));
            }
        }
        return null;
    }

    private static boolean mentionsUnresolvedType(ExecutableElement method) {
        if (TypeNames.isUnresolved(method.getReturnType())) {
            return true;
        }
        for (VariableElement parameter : method.getParameters()) {
            if (TypeNames.isUnresolved(parameter.asType())) {
                return true;
            }
        }
        return false;
    }

    /** P7: one annotation per method; P2: not private, not static, no type variables of its own. */
    private static Problem checkMethod(Annotated candidate, String dispatchName) {
        ExecutableElement method = candidate.method();
        List<AnnotationMirror> annotations = candidate.annotations();
        if (annotations.size() > 1) {
            return new Problem(method, annotations.get(1), Messages.MULTIPLE_ANNOTATIONS.format(name(method),
                    operationOf(annotations.get(0)).simpleName(), operationOf(annotations.get(1)).simpleName()));
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return new Problem(method, annotations.get(0), Messages.PRIVATE_HANDLER.format(name(method), dispatchName));
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return new Problem(method, annotations.get(0), Messages.STATIC_HANDLER.format(name(method), dispatchName));
        }
        if (!method.getTypeParameters().isEmpty()) {
            return new Problem(method, annotations.get(0), Messages.GENERIC_HANDLER.format(name(method),
                    ((TypeElement) method.getEnclosingElement()).getQualifiedName()));
        }
        return null;
    }

    /** P3, P4: the parameters and return type fit one shape of the operation; the context is a reference type. */
    private Handler shape(Annotated candidate, List<Problem> problems) {
        ExecutableElement method = candidate.method();
        AnnotationMirror annotation = candidate.annotations().get(0);
        Operation operation = operationOf(annotation);
        List<TypeMirror> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(parameter.asType());
        }
        TypeMirror returned = method.getReturnType();
        Shape shape = matchParameters(operation, parameters);
        if (shape == null) {
            problems.add(new Problem(method, annotation, Messages.WRONG_PARAMETERS.format(operation.simpleName(),
                    name(method), TypeNames.display(parameters), expectedShapes(operation, method))));
            return null;
        }
        TypeMirror context = parameters.get(parameters.size() - 1);
        if (context.getKind().isPrimitive()) {
            problems.add(new Problem(method, annotation, Messages.PRIMITIVE_CONTEXT.format(name(method),
                    context, types.boxedClass((javax.lang.model.type.PrimitiveType) context).getSimpleName())));
            return null;
        }
        String returnProblem = checkReturn(operation, shape, returned);
        if (returnProblem != null) {
            problems.add(new Problem(method, annotation, returnProblem));
            return null;
        }
        TypeMirror accepted = operation == Operation.ACCEPT_EVENT ? returned : null;
        List<TypeMirror> erased = new ArrayList<>();
        for (TypeMirror parameter : parameters) {
            erased.add(types.erasure(parameter));
        }
        return new Handler(operation, shape, method.getSimpleName().toString(), List.copyOf(erased), context,
                accepted);
    }

    private static Shape matchParameters(Operation operation, List<TypeMirror> parameters) {
        int count = parameters.size();
        switch (operation) {
            case CONNECT:
                if (count == 3 && TypeNames.is(parameters.get(0), TypeNames.NT_STATUS)
                        && TypeNames.is(parameters.get(1), TypeNames.WSK_SOCKET)) {
                    return Shape.STATUS_SOCKET;
                }
                return count == 2 && TypeNames.is(parameters.get(0), TypeNames.IRP) ? Shape.FAITHFUL : null;
            case SEND:
            case RECEIVE:
                if (count == 3 && TypeNames.is(parameters.get(0), TypeNames.NT_STATUS)
                        && parameters.get(1).getKind() == TypeKind.LONG) {
                    return Shape.STATUS_BYTES;
                }
                return simpleOrFaithful(parameters);
            case DISCONNECT:
            case CLOSE:
                return simpleOrFaithful(parameters);
            case RECEIVE_EVENT:
                return count == 2 && TypeNames.is(parameters.get(0), TypeNames.WSK_BUF) ? Shape.EVENT : null;
            case DISCONNECT_EVENT:
                return count == 2 && TypeNames.is(parameters.get(0), TypeNames.DISCONNECT_MODE) ? Shape.EVENT : null;
            case ACCEPT_EVENT:
                return count == 3 && TypeNames.is(parameters.get(0), TypeNames.WSK_SOCKET)
                        && TypeNames.is(parameters.get(1), TypeNames.SOCKET_ADDRESS) ? Shape.EVENT : null;
            default:
                throw new AssertionError(operation);
        }
    }

    private static Shape simpleOrFaithful(List<TypeMirror> parameters) {
        if (parameters.size() != 2) {
            return null;
        }
        if (TypeNames.is(parameters.get(0), TypeNames.NT_STATUS)) {
            return Shape.STATUS;
        }
        return TypeNames.is(parameters.get(0), TypeNames.IRP) ? Shape.FAITHFUL : null;
    }

    private static String checkReturn(Operation operation, Shape shape, TypeMirror returned) {
        String actual = TypeNames.display(returned);
        String name = operation.simpleName();
        switch (shape) {
            case FAITHFUL:
                return TypeNames.is(returned, TypeNames.NT_STATUS) ? null : Messages.WRONG_RETURN_TYPE.format(name,
                        "taking (Irp, context)", actual, "NtStatus",
                        "A faithful handler owns the IRP: free or reuse it, then return"
                                + " NtStatus.MORE_PROCESSING_REQUIRED (SPEC I4).");
            case STATUS:
            case STATUS_BYTES:
            case STATUS_SOCKET:
                return returned.getKind() == TypeKind.VOID ? null : Messages.WRONG_RETURN_TYPE.format(name,
                        "taking (NtStatus, ...)", actual, "void",
                        "In this shape the generated glue owns the IRP and returns MORE_PROCESSING_REQUIRED itself;"
                                + " to own the IRP, take (Irp irp, C context) and return NtStatus.");
            case EVENT:
                break;
            default:
                throw new AssertionError(shape);
        }
        switch (operation) {
            case RECEIVE_EVENT:
                return returned.getKind() == TypeKind.LONG ? null : Messages.WRONG_RETURN_TYPE.format(name,
                        "taking (WskBuf, context)", actual, "long",
                        "Return how many bytes of the data the handler took.");
            case DISCONNECT_EVENT:
                return returned.getKind() == TypeKind.VOID ? null : Messages.WRONG_RETURN_TYPE.format(name,
                        "taking (DisconnectMode, context)", actual, "void",
                        "WSK requires the disconnect event to succeed, so there is nothing to return.");
            case ACCEPT_EVENT:
                boolean reference = returned.getKind() == TypeKind.DECLARED || returned.getKind() == TypeKind.ARRAY
                        || returned.getKind() == TypeKind.TYPEVAR;
                return reference ? null : Messages.WRONG_RETURN_TYPE.format(name,
                        "taking (WskSocket, SocketAddress, context)", actual, "a reference type",
                        "Return the accepted socket's context, or null to reject the connection.");
            default:
                throw new AssertionError(operation);
        }
    }

    private static String expectedShapes(Operation operation, ExecutableElement method) {
        String m = method.getSimpleName().toString();
        switch (operation) {
            case CONNECT:
                return "void " + m + "(NtStatus status, WskSocket socket, C context) or NtStatus " + m
                        + "(Irp irp, C context)";
            case SEND:
            case RECEIVE:
                return "void " + m + "(NtStatus status, C context), void " + m
                        + "(NtStatus status, long bytes, C context) or NtStatus " + m + "(Irp irp, C context)";
            case DISCONNECT:
            case CLOSE:
                return "void " + m + "(NtStatus status, C context) or NtStatus " + m + "(Irp irp, C context)";
            case RECEIVE_EVENT:
                return "long " + m + "(WskBuf data, C context)";
            case DISCONNECT_EVENT:
                return "void " + m + "(DisconnectMode how, C context)";
            case ACCEPT_EVENT:
                return "A " + m + "(WskSocket accepted, SocketAddress remote, L listenContext)";
            default:
                throw new AssertionError(operation);
        }
    }

    /**
     * P6: one handler per operation and context type. Also: different context types whose erasures are equal would
     * give start methods (or client dispatch accessors) with the same erased signature, which javac rejects.
     */
    private void checkDuplicates(List<Handler> handlers, List<Annotated> owners, List<Problem> problems) {
        for (int later = 0; later < handlers.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                Handler first = handlers.get(earlier);
                Handler second = handlers.get(later);
                if (!clashes(first.operation(), second.operation())) {
                    continue;
                }
                Annotated owner = owners.get(later);
                String firstName = name(owners.get(earlier).method());
                String secondName = name(owner.method());
                if (types.isSameType(first.context(), second.context())) {
                    if (first.operation() == second.operation()) {
                        problems.add(new Problem(owner.method(), owner.annotations().get(0),
                                Messages.DUPLICATE_HANDLER.format(firstName, secondName,
                                        second.operation().simpleName(), TypeNames.display(second.context()))));
                        break;
                    }
                } else if (types.isSameType(types.erasure(first.context()), types.erasure(second.context()))) {
                    problems.add(new Problem(owner.method(), owner.annotations().get(0),
                            Messages.ERASURE_CLASH.format(firstName, secondName, TypeNames.display(first.context()),
                                    TypeNames.display(second.context()),
                                    TypeNames.display(types.erasure(second.context())))));
                    break;
                }
            }
        }
    }

    /** Whether handlers of the two operations share generated member names, keyed by context type. */
    private static boolean clashes(Operation first, Operation second) {
        boolean firstConnectionEvent = first == Operation.RECEIVE_EVENT || first == Operation.DISCONNECT_EVENT;
        boolean secondConnectionEvent = second == Operation.RECEIVE_EVENT || second == Operation.DISCONNECT_EVENT;
        return first == second || (firstConnectionEvent && secondConnectionEvent);
    }

    private static String name(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    }

    private static List<String> simpleNames(TypeElement type) {
        List<String> names = new ArrayList<>();
        for (Element level = type; level instanceof TypeElement; level = level.getEnclosingElement()) {
            names.add(0, level.getSimpleName().toString());
        }
        return List.copyOf(names);
    }

    private static PackageElement packageOf(Element element) {
        Element level = element;
        while (!(level instanceof PackageElement)) {
            level = level.getEnclosingElement();
        }
        return (PackageElement) level;
    }
}
