package io.wsk4j.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Every problem found in one handler class, by the validator and then the planner (after Dagger's ValidationReport):
 * each item has its kind and the element (and annotation) it is reported on, and the report is printed once, when the
 * class is done (SPEC P7). Lives within one round only.
 */
final class ValidationReport {
    private final List<Problem> items = new ArrayList<>();
    private boolean printed;

    /** Adds one problem: an error, or the kind its message has. */
    void add(Element element, AnnotationMirror annotation, Messages.Message message) {
        items.add(new Problem(element, annotation, message));
    }

    /** Whether the report holds no error, so that the class gets real glue. */
    boolean isClean() {
        return items.stream().noneMatch(item -> item.message().kind() == Diagnostic.Kind.ERROR);
    }

    /** The first error, which the stand-in of a class with errors names; the report must not be clean. */
    Problem firstError() {
        return items.stream().filter(item -> item.message().kind() == Diagnostic.Kind.ERROR).findFirst()
                .orElseThrow(() -> new IllegalStateException("a clean report has no first error"));
    }

    /** Prints every item, once however often it is called. */
    void printTo(Messager messager) {
        if (printed) {
            return;
        }
        printed = true;
        for (Problem item : items) {
            messager.printMessage(item.message().kind(), item.message().text(), item.element(), item.annotation());
        }
    }
}
