package io.wsk4j.processor;

import io.wsk4j.processor.HandlerModel.HandlerClass;
import java.util.List;

/** What {@link HandlerValidator} concluded about one handler class. */
sealed interface Validation {
    /** The class is correct: write its dispatch class. */
    record Valid(HandlerClass model) implements Validation {}

    /** The class has mistakes: report each, write nothing. */
    record Invalid(List<Problem> problems) implements Validation {}

    /**
     * A handler signature mentions a type that does not exist yet; another processor may generate it in a later
     * round (SPEC P9). {@code problem} is what to say if it never appears.
     */
    record Deferred(Problem problem) implements Validation {}

    /** The class has no handler methods (it may have lost them since an earlier round): nothing to do. */
    record NoHandlers() implements Validation {}
}
