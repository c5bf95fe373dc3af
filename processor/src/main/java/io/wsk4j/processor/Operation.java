package io.wsk4j.processor;

/** The operation a handler annotation stands for (SPEC P1), in the order the generated members appear. */
enum Operation {
    CONNECT("OnConnectComplete"),
    SEND("OnSendComplete"),
    RECEIVE("OnReceiveComplete"),
    DISCONNECT("OnDisconnectComplete"),
    CLOSE("OnCloseComplete"),
    RECEIVE_EVENT("OnReceiveEvent"),
    DISCONNECT_EVENT("OnDisconnectEvent"),
    ACCEPT_EVENT("OnAcceptEvent");

    private static final String PACKAGE = "io.wsk4j.annotations";

    // Names only, never the annotation classes: a processor path without the annotations jar still works, and
    // AnnotationsTest checks that these names match the real annotations.
    private final String annotationName;
    private final String simpleName;

    Operation(String simpleName) {
        this.annotationName = PACKAGE + "." + simpleName;
        this.simpleName = simpleName;
    }

    String annotationName() {
        return annotationName;
    }

    String simpleName() {
        return simpleName;
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
