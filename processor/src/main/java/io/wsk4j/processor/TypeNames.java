package io.wsk4j.processor;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Type spellings that do not depend on the compiler: javac and ECJ print type mirrors differently, so sorting and
 * messages use these instead of {@code toString()} (SPEC P8 determinism, P9 ECJ).
 */
final class TypeNames {
    static final String NT_STATUS = "io.wsk4j.NtStatus";
    static final String IRP = "io.wsk4j.Irp";
    static final String WSK_SOCKET = "io.wsk4j.WskSocket";
    static final String WSK_LISTEN_SOCKET = "io.wsk4j.WskListenSocket";
    static final String WSK_BUF = "io.wsk4j.WskBuf";
    static final String DISCONNECT_MODE = "io.wsk4j.DisconnectMode";
    static final String WSK_OPTION = "io.wsk4j.WskOption";
    static final String OBJECT = "java.lang.Object";
    static final String SOCKET_ADDRESS = "java.net.SocketAddress";
    static final String LIST = "java.util.List";
    /** What {@code Irp.addresses()} returns: a handler parameter matched with its type argument. */
    static final String INET_SOCKET_ADDRESS_LIST = LIST + "<java.net.InetSocketAddress>";

    private TypeNames() {}

    /** True if {@code type} is the class or interface with this canonical name (type arguments ignored). */
    static boolean is(TypeMirror type, String canonicalName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(canonicalName);
    }

    /** {@code java.util.List<java.lang.String>}: canonical names, the sort key. */
    static String canonical(TypeMirror type) {
        return spell(type, true);
    }

    /** {@code List<String>}: simple names, for messages. */
    static String display(TypeMirror type) {
        return spell(type, false);
    }

    static String display(List<? extends TypeMirror> types) {
        return types.stream().map(TypeNames::display).collect(Collectors.joining(", "));
    }

    /** True if the type or one of its parts could not be resolved (yet): SPEC P9 deferral. */
    static boolean isUnresolved(TypeMirror type) {
        switch (type.getKind()) {
            case ERROR:
                return true;
            case DECLARED:
                return ((DeclaredType) type).getTypeArguments().stream().anyMatch(TypeNames::isUnresolved);
            case ARRAY:
                return isUnresolved(((ArrayType) type).getComponentType());
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                return (wildcard.getExtendsBound() != null && isUnresolved(wildcard.getExtendsBound()))
                        || (wildcard.getSuperBound() != null && isUnresolved(wildcard.getSuperBound()));
            default:
                return false;
        }
    }

    private static String spell(TypeMirror type, boolean qualified) {
        switch (type.getKind()) {
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                String name = qualified ? element.getQualifiedName().toString() : nestedSimpleName(element);
                if (declared.getTypeArguments().isEmpty()) {
                    return name;
                }
                return declared.getTypeArguments().stream()
                        .map(argument -> spell(argument, qualified))
                        .collect(Collectors.joining(", ", name + "<", ">"));
            }
            case ARRAY:
                return spell(((ArrayType) type).getComponentType(), qualified) + "[]";
            case TYPEVAR:
                return ((TypeVariable) type).asElement().getSimpleName().toString();
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + spell(wildcard.getExtendsBound(), qualified);
                }
                if (wildcard.getSuperBound() != null) {
                    return "? super " + spell(wildcard.getSuperBound(), qualified);
                }
                return "?";
            }
            default:
                return type.toString();
        }
    }

    private static String nestedSimpleName(TypeElement element) {
        String name = element.getSimpleName().toString();
        if (element.getEnclosingElement() instanceof TypeElement) {
            return nestedSimpleName((TypeElement) element.getEnclosingElement()) + "." + name;
        }
        return name;
    }
}
