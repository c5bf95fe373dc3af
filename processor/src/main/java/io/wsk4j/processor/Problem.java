package io.wsk4j.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One user mistake, reported once on {@code element} (and {@code annotation} when there is one), SPEC P7. Lives
 * within one round only.
 */
record Problem(Element element, AnnotationMirror annotation, Messages.Message message) {}
