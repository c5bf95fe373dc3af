package io.wsk4j.processor;

import io.wsk4j.processor.HandlerModel.HandlerClass;

/** What {@link HandlerValidator} concluded about one handler class. */
sealed interface Validation {
    /**
     * The class was checked: {@code model} holds its handlers without mistakes, {@code report} every mistake. A
     * clean report means real glue; otherwise the model is what the stand-in of the class declares.
     */
    record Checked(HandlerClass model, ValidationReport report) implements Validation {}

    /**
     * A handler signature mentions a type that does not exist yet; another processor may generate it in a later
     * round (SPEC P9). {@code problem} is what to say if it never appears.
     */
    record Deferred(Problem problem) implements Validation {}

    /** The class has no handler methods (it may have lost them since an earlier round): nothing to do. */
    record NoHandlers() implements Validation {}
}
