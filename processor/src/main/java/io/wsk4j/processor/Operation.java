package io.wsk4j.processor;

import io.wsk4j.annotations.OnAcceptEvent;
import io.wsk4j.annotations.OnCloseComplete;
import io.wsk4j.annotations.OnConnectComplete;
import io.wsk4j.annotations.OnDisconnectComplete;
import io.wsk4j.annotations.OnDisconnectEvent;
import io.wsk4j.annotations.OnReceiveComplete;
import io.wsk4j.annotations.OnReceiveEvent;
import io.wsk4j.annotations.OnSendComplete;
import java.lang.annotation.Annotation;

/** The operation a handler annotation stands for (SPEC P1), in the order the generated members appear. */
enum Operation {
    CONNECT(OnConnectComplete.class, false),
    SEND(OnSendComplete.class, false),
    RECEIVE(OnReceiveComplete.class, false),
    DISCONNECT(OnDisconnectComplete.class, false),
    CLOSE(OnCloseComplete.class, false),
    RECEIVE_EVENT(OnReceiveEvent.class, true),
    DISCONNECT_EVENT(OnDisconnectEvent.class, true),
    ACCEPT_EVENT(OnAcceptEvent.class, true);

    // Only the names are kept: the annotation classes are read here, never the user's classes.
    private final String annotationName;
    private final String simpleName;
    private final boolean event;

    Operation(Class<? extends Annotation> annotation, boolean event) {
        this.annotationName = annotation.getCanonicalName();
        this.simpleName = annotation.getSimpleName();
        this.event = event;
    }

    String annotationName() {
        return annotationName;
    }

    String simpleName() {
        return simpleName;
    }

    boolean isEvent() {
        return event;
    }

    /** The operation whose annotation has this qualified name, or null. */
    static Operation forAnnotation(String qualifiedName) {
        for (Operation operation : values()) {
            if (operation.annotationName.equals(qualifiedName)) {
                return operation;
            }
        }
        return null;
    }
}
