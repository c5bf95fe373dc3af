package io.wsk4j.processor;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * The catalogue of every diagnostic the processor prints, each with a stable id and its kind (SPEC P7). Ids never
 * change once released, so that users and tests can search for them; each text is whole sentences that say what is
 * wrong and how to fix it.
 */
enum Messages {
    WRONG_PARAMETERS("WrongParameters",
            "@%s handler %s has parameters (%s), but it must be %s. %s"),
    WRONG_RETURN_TYPE("WrongReturnType",
            "@%s handler %s returns %s, but it must return %s. %s"),
    PRIMITIVE_CONTEXT("PrimitiveContext",
            "The context parameter of handler %s has the primitive type %s. Use a reference type instead, such as"
                    + " %s or a record of your own."),
    PRIVATE_HANDLER("PrivateHandler",
            "Handler %s is private, so the generated %s cannot call it. Make it package-private or wider."),
    STATIC_HANDLER("StaticHandler",
            "Handler %s is static, but handlers are called on the instance given to the generated %s. Remove the"
                    + " static modifier."),
    GENERIC_HANDLER("GenericHandler",
            "Handler %s declares its own type variables, which a dispatch class cannot keep per call. Declare the"
                    + " type variables on class %s instead. Only the simple @OnOptionComplete handler, <T> void"
                    + " m(NtStatus status, WskOption<T> option, T value, C context), has one: its value's type."),
    PRIVATE_CLASS("PrivateClass",
            "Class %s is private, so the generated %s cannot call its handlers. Make the class package-private or"
                    + " wider."),
    INNER_CLASS("InnerClass",
            "Class %s is an inner class, so the generated %s cannot create calls to its handlers without an outer"
                    + " instance. Make it a static nested class."),
    DUPLICATE_HANDLER("DuplicateHandler",
            "Handlers %s and %s are both @%s handlers for context type %s, so a completion could not know which to"
                    + " call. Keep one of them, or give them different context types."),
    ERASURE_CLASH("ErasureClash",
            "Handlers %s and %s take context types %s and %s, which erase to the same type %s, so their generated"
                    + " methods would clash. Give one of them a context type of its own, such as a record wrapping"
                    + " the value."),
    MULTIPLE_ANNOTATIONS("MultipleAnnotations",
            "Handler %s carries both @%s and @%s, but a method handles one operation. Split it into one method per"
                    + " annotation."),
    LISTEN_WITHOUT_ACCEPT("ListenWithoutAccept",
            "Handler %s completes listens for context type %s, but no @OnAcceptEvent handler of the class takes %s,"
                    + " so a listening socket would have nowhere to send its connections. Add an @OnAcceptEvent"
                    + " handler whose last parameter is %s, or remove this one."),
    /** A note, not an error: the compiler reports the missing type itself (one mistake, one error). */
    UNRESOLVED_TYPE(Diagnostic.Kind.NOTE, "UnresolvedType",
            "Handler %s mentions a type that could not be resolved, so %s was not generated. Fix the missing type"
                    + " reported by the compiler."),
    INACCESSIBLE_CONTEXT("InaccessibleContext",
            "Handler %s uses the type %s, and %s is %s, so the generated %s, a class of its own in the same"
                    + " package, cannot name it. Make %s package-private or wider."),
    CHECKED_EXCEPTION("CheckedException",
            "Handler %s declares the checked exception %s, but a completion routine or event cannot throw it."
                    + " Catch it inside the handler, or wrap it in an unchecked exception."),
    DISPATCH_NAME_CLASH("DispatchNameClash",
            "The dispatch class of %s would be %s, but that name is already taken by %s. Rename one of the"
                    + " classes."),
    INTERNAL_ERROR("InternalError",
            "The wsk4j processor failed on class %s because of a bug in the processor, not in your code, so no"
                    + " dispatch class was generated for it. Please report it with this trace:%n%s");

    /** One diagnostic, ready to print. */
    record Message(Diagnostic.Kind kind, String text) {}

    private final Diagnostic.Kind kind;
    private final String id;
    private final String format;

    Messages(String id, String format) {
        this(Diagnostic.Kind.ERROR, id, format);
    }

    Messages(Diagnostic.Kind kind, String id, String format) {
        this.kind = kind;
        this.id = id;
        this.format = format;
    }

    /** The stable id, for example {@code DuplicateHandler}. */
    String id() {
        return id;
    }

    /** The diagnostic, its text starting with {@code [wsk4j:Id]}. */
    Message format(Object... arguments) {
        return new Message(kind, "[wsk4j:" + id + "] " + String.format(Locale.ROOT, format, arguments));
    }
}
