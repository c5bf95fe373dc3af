package io.wsk4j.processor;

import com.palantir.javapoet.ClassName;

/** The runtime and JDK types that generated code names. Named, never loaded: the processor path needs no runtime. */
final class RuntimeTypes {
    private static final String RUNTIME = "io.wsk4j";

    static final ClassName IRP = ClassName.get(RUNTIME, "Irp");
    static final ClassName IRP_POOL = ClassName.get(RUNTIME, "IrpPool");
    static final ClassName NT_STATUS = ClassName.get(RUNTIME, "NtStatus");
    static final ClassName COMPLETION_ROUTINE = ClassName.get(RUNTIME, "CompletionRoutine");
    static final ClassName WSK_BASIC_SOCKET = ClassName.get(RUNTIME, "WskBasicSocket");
    static final ClassName WSK_SOCKET = ClassName.get(RUNTIME, "WskSocket");
    static final ClassName WSK_LISTEN_SOCKET = ClassName.get(RUNTIME, "WskListenSocket");
    static final ClassName WSK_DATAGRAM_SOCKET = ClassName.get(RUNTIME, "WskDatagramSocket");
    static final ClassName WSK_BUF = ClassName.get(RUNTIME, "WskBuf");
    static final ClassName WSK_PROVIDER = ClassName.get(RUNTIME, "WskProvider");
    static final ClassName WSK_EVENT = ClassName.get(RUNTIME, "WskEvent");
    static final ClassName WSK_OPTION = ClassName.get(RUNTIME, "WskOption");
    static final ClassName WSK_ACCEPT = ClassName.get(RUNTIME, "WskAccept");
    static final ClassName DISCONNECT_MODE = ClassName.get(RUNTIME, "DisconnectMode");
    static final ClassName SEND_FLAGS = ClassName.get(RUNTIME, "SendFlags");
    static final ClassName RECEIVE_FLAGS = ClassName.get(RUNTIME, "ReceiveFlags");
    static final ClassName CLIENT_DISPATCH = ClassName.get(RUNTIME, "WskClientConnectionDispatch");
    static final ClassName LISTEN_DISPATCH = ClassName.get(RUNTIME, "WskClientListenDispatch");
    static final ClassName DATAGRAM_DISPATCH = ClassName.get(RUNTIME, "WskClientDatagramDispatch");
    static final ClassName SOCKET_ADDRESS = ClassName.get("java.net", "SocketAddress");
    static final ClassName STRING = ClassName.get("java.lang", "String");
    static final ClassName SET = ClassName.get("java.util", "Set");
    static final ClassName DURATION = ClassName.get("java.time", "Duration");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName FUNCTION = ClassName.get("java.util.function", "Function");
    static final ClassName WSK_GENERATED = ClassName.get("io.wsk4j.annotations", "WskGenerated");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private RuntimeTypes() {}
}
