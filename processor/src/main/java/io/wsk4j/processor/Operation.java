package io.wsk4j.processor;

/** The operation a handler annotation stands for (SPEC P1), in the order the generated members appear. */
enum Operation {
    CONNECT("OnConnectComplete", false),
    SEND("OnSendComplete", false),
    RECEIVE("OnReceiveComplete", false),
    DISCONNECT("OnDisconnectComplete", false),
    CLOSE("OnCloseComplete", false),
    RECEIVE_EVENT("OnReceiveEvent", true),
    DISCONNECT_EVENT("OnDisconnectEvent", true),
    ACCEPT_EVENT("OnAcceptEvent", true);

    private static final String PACKAGE = "io.wsk4j.annotations";

    // Names only, never the annotation classes: a processor path without the annotations jar still works, and
    // AnnotationsTest checks that these names match the real annotations.
    private final String annotationName;
    private final String simpleName;
    private final boolean event;

    Operation(String simpleName, boolean event) {
        this.annotationName = PACKAGE + "." + simpleName;
        this.simpleName = simpleName;
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
