package io.wsk4j.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * A readable, distinct word for each context type of a class ({@code Session}, {@code ListOfString},
 * {@code ByteArray}), which names the members that serve it. Two contexts with the same simple name get their
 * enclosing class ({@code ServerSession}, {@code ClientSession}), then their package, then a number.
 */
final class ContextNames {
    private final Map<String, String> byType = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** Names every type of {@code contexts}, in order: the first of two alike keeps the shorter name. */
    ContextNames(List<? extends TypeMirror> contexts) {
        for (TypeMirror context : contexts) {
            String key = TypeNames.canonical(context);
            if (byType.containsKey(key)) {
                continue;
            }
            String name = null;
            for (String candidate : List.of(word(context, 0), word(context, 1), word(context, 2))) {
                if (taken.add(candidate)) {
                    name = candidate;
                    break;
                }
            }
            if (name == null) {
                String base = word(context, 2);
                int suffix = 2;
                while (!taken.add(base + suffix)) { // ends: fewer names are taken than there are contexts
                    suffix++;
                }
                name = base + suffix;
            }
            byType.put(key, name);
        }
    }

    /** The word for {@code context}, capitalized. */
    String of(TypeMirror context) {
        return byType.get(TypeNames.canonical(context));
    }

    /** Level 0: simple names; 1: with enclosing classes; 2: also with the last package segment. */
    private static String word(TypeMirror type, int level) {
        if (type instanceof DeclaredType) {
            DeclaredType declared = (DeclaredType) type;
            StringBuilder name = new StringBuilder(qualifier(declared.asElement(), level));
            name.append(declared.asElement().getSimpleName());
            for (TypeMirror argument : declared.getTypeArguments()) {
                name.append("Of").append(word(argument, level));
            }
            return name.toString();
        }
        if (type instanceof ArrayType) {
            return MemberNames.capitalize(word(((ArrayType) type).getComponentType(), level)) + "Array";
        }
        if (type instanceof TypeVariable) {
            return ((TypeVariable) type).asElement().getSimpleName().toString();
        }
        return "Context";
    }

    private static String qualifier(Element element, int level) {
        if (level == 0) {
            return "";
        }
        StringBuilder qualifier = new StringBuilder();
        Element enclosing = element.getEnclosingElement();
        for (; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
            qualifier.insert(0, enclosing.getSimpleName());
        }
        if (level == 2 && enclosing instanceof PackageElement && !((PackageElement) enclosing).isUnnamed()) {
            String packageName = ((PackageElement) enclosing).getQualifiedName().toString();
            qualifier.insert(0, MemberNames.capitalize(packageName.substring(packageName.lastIndexOf('.') + 1)));
        }
        return qualifier.toString();
    }
}
